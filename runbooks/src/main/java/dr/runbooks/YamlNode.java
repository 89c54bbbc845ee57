package dr.runbooks;

import com.fasterxml.jackson.core.JsonToken;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers the line it starts on, so that every loader message can name it. */
sealed interface YamlNode {
    int line();

    /** How messages name this kind of value. */
    String kind();

    record Entry(String key, int line, YamlNode value) {
    }

    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String kind() {
            return "mapping";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** A single value; {@code token} says how YAML read it (text, whole number, true/false, null). */
    record Scalar(int line, JsonToken token, String text) implements YamlNode {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        @Override
        public String kind() {
            return isNull() ? "empty value" : "single value";
        }
    }
}
