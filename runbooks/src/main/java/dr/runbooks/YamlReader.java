package dr.runbooks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dr.core.DrException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dr.core.config.YamlMessages.firstLine;
import static dr.core.config.YamlMessages.line;

/**
 * Reads one YAML document into {@link YamlNode}s that keep their line numbers (a Jackson tree would lose them).
 * Malformed YAML, a key given twice in one mapping, an empty file or more than one document is bad input naming the
 * file and line.
 */
final class YamlReader {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String shownAs;

    YamlReader(String shownAs) {
        this.shownAs = shownAs;
    }

    YamlNode read(Reader reader) {
        try (JsonParser parser = YAML.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw DrException.badInput(shownAs + " is empty");
            }
            YamlNode root = value(parser);
            if (parser.nextToken() != null) {
                throw DrException.badInput(at(parser.currentTokenLocation()) + "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw DrException.badInput(at(e.getLocation()) + "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + shownAs, e);
        }
    }

    /** The value whose first token is the parser's current one. */
    private YamlNode value(JsonParser parser) throws IOException {
        int line = line(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return mapping(parser, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(parser));
            }
            return new YamlNode.Sequence(line, items);
        }
        return new YamlNode.Scalar(line, token, token == JsonToken.VALUE_NULL ? null : parser.getText());
    }

    private YamlNode mapping(JsonParser parser, int line) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser.currentTokenLocation());
            YamlNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                throw DrException.badInput(shownAs + " line " + keyLine + ": key '" + key + "' is given twice (first on line "
                        + earlier.line() + ")");
            }
            parser.nextToken();
            entries.put(key, new YamlNode.Entry(key, keyLine, value(parser)));
        }
        return new YamlNode.Mapping(line, entries);
    }

    private String at(JsonLocation location) {
        return shownAs + " line " + line(location) + ": ";
    }
}
