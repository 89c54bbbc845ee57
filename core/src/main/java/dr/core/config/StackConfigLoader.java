package dr.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dr.core.DrException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dr.core.config.YamlMessages.firstLine;
import static dr.core.config.YamlMessages.line;

/**
 * Reads a YAML stack config: a flat mapping whose keys are the option names without dashes
 * ({@code primary: us-east-1}, {@code admin-cidr: 203.0.113.10/32}). Strict: an unknown or repeated key, a value
 * of the wrong type, malformed YAML or an unreadable file are bad input, reported with the file and line.
 */
public final class StackConfigLoader {
    private static final List<String> KEYS = Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList();
    /**
     * A stack config is a couple of dozen short lines; a file larger than this is a mistake, and YAML's scanner
     * takes minutes over one huge value, so it is refused before it is parsed.
     */
    public static final long MAX_CONFIG_BYTES = 64 * 1024;

    /** Loads {@code file}, naming it as given in messages. */
    public StackConfig load(Path file) {
        return load(file, file.toString());
    }

    /** Loads {@code file}, naming it {@code shownAs} in messages and origins. */
    public StackConfig load(Path file, String shownAs) {
        if (Files.isDirectory(file)) {
            throw DrException.badInput("config file " + shownAs + " cannot be read: it is a directory");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long size = Files.size(file);
            if (size > MAX_CONFIG_BYTES) {
                throw DrException.badInput("config file " + shownAs + " is " + size + " bytes; a stack config is at most "
                        + MAX_CONFIG_BYTES + " bytes of 'key: value' lines");
            }
            return parse(reader, shownAs);
        } catch (NoSuchFileException e) {
            throw DrException.badInput("config file " + shownAs + " cannot be read: no such file");
        } catch (AccessDeniedException e) {
            throw DrException.badInput("config file " + shownAs + " cannot be read: permission denied");
        } catch (JsonProcessingException e) {
            throw DrException.badInput(malformed(e, shownAs));
        } catch (IOException e) {
            throw DrException.badInput("config file " + shownAs + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    private StackConfig parse(Reader reader, String shownAs) throws IOException {
        StackConfig.Builder config = StackConfig.builder();
        try (JsonParser parser = Yaml.MAPPER.createParser(reader)) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return config.build();
            }
            if (token != JsonToken.START_OBJECT) {
                throw DrException.badInput(shownAs + " line " + line(parser.currentTokenLocation())
                        + ": expected 'key: value' lines at the top level (e.g. 'primary: us-east-1')");
            }
            Set<ConfigKey> seen = EnumSet.noneOf(ConfigKey.class);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = line(parser.currentTokenLocation());
                ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> DrException.badInput(shownAs + " line " + line
                        + ": unknown key " + Shown.quoted(name) + Spelling.suggestion(name, KEYS)
                        + " (known keys: " + String.join(", ", KEYS) + ")"));
                if (!seen.add(key)) {
                    throw DrException.badInput(shownAs + " line " + line + ": key '" + name + "' is given twice");
                }
                parser.nextToken();
                JsonNode value = parser.readValueAsTree();
                String origin = shownAs + " line " + line + " (" + name + ")";
                config.set(key, convert(key, value, origin), origin);
            }
            if (parser.nextToken() != null) {
                throw DrException.badInput(shownAs + " line " + line(parser.currentTokenLocation())
                        + ": only one YAML document is allowed");
            }
        }
        return config.build();
    }

    /** The value as the key's type; {@code null} (an empty value, {@code ~}) means "not given". */
    private static Object convert(ConfigKey key, JsonNode value, String origin) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw DrException.badInput(origin + ": expected a single value, not a " + (value.isArray() ? "list" : "mapping"));
        }
        return switch (key.kind()) {
            case TEXT -> value.asText();
            case NUMBER -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw DrException.badInput(origin + ": expected a whole number, got " + Shown.quoted(value.asText()));
                }
                yield value.intValue();
            }
            case FLAG -> {
                if (!value.isBoolean()) {
                    throw DrException.badInput(origin + ": expected true or false, got " + Shown.quoted(value.asText()));
                }
                yield value.booleanValue();
            }
        };
    }

    /** SnakeYAML knows where the problem is, Jackson's location is only where its parser stood. */
    private static String malformed(JsonProcessingException e, String shownAs) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null ? ""
                    : " (" + oneLine(yaml.getContext()) + (yaml.getContextMark() == null ? ""
                            : " that starts on line " + (yaml.getContextMark().getLine() + 1)) + ")";
            return shownAs + " line " + (yaml.getProblemMark().getLine() + 1) + ": malformed YAML: "
                    + oneLine(yaml.getProblem()) + context;
        }
        return shownAs + " line " + line(e.getLocation()) + ": malformed YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Made on first use: most runs read no config file, and setting up Jackson and its YAML factory is a cold start. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }
}
