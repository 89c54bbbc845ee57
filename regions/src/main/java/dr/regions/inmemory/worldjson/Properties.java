package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The properties of one world class, in the order they are written, and found by name when read. */
final class Properties {
    /** Takes the value read for the property at {@code index}. */
    interface Sink {
        void accept(int index, Object value);
    }

    private final Property[] ordered;
    private final Map<String, Integer> index = new HashMap<>();

    Properties(List<Property> properties) {
        this.ordered = properties.toArray(new Property[0]);
        for (int i = 0; i < ordered.length; i++) {
            index.put(ordered[i].name, i);
        }
    }

    Property at(int index) {
        return ordered[index];
    }

    int size() {
        return ordered.length;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Property property : ordered) {
            names.add(property.name);
        }
        return names;
    }

    /**
     * Reads the JSON object at the current token, giving each property's value to {@code sink}; names the class
     * does not have are skipped, as databind did.
     */
    void readObject(JsonParser in, Class<?> type, Sink sink) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw Mismatch.expected(in, "an object (" + type.getSimpleName() + ")");
        }
        String name;
        while ((name = in.nextFieldName()) != null) {
            in.nextToken();
            readValue(in, name, sink);
        }
    }

    /** Reads the value at the current token for the property {@code name}, or skips it when there is none. */
    void readValue(JsonParser in, String name, Sink sink) throws IOException {
        Integer at = index.get(name);
        if (at == null) {
            in.skipChildren();
        } else {
            sink.accept(at, ordered[at].read(in));
        }
    }

    void writeObject(JsonGenerator out, Object owner) throws IOException {
        out.writeStartObject();
        writeFields(out, owner);
        out.writeEndObject();
    }

    /** Writes the non-null properties of {@code owner} into the object being written. */
    void writeFields(JsonGenerator out, Object owner) throws IOException {
        for (Property property : ordered) {
            property.write(out, owner);
        }
    }
}
