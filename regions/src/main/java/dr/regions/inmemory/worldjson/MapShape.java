package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Map;

/**
 * A map: a JSON object whose names are its keys (strings, numbers as text, or enum constants' names). Entries with
 * a null value are left out, as databind's NON_NULL inclusion did.
 */
record MapShape(Container container, MapKey key, Shape value) implements Shape {

    @Override
    @SuppressWarnings("unchecked")
    public Object read(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw Mismatch.expected(in, "an object");
        }
        Map<Object, Object> entries = (Map<Object, Object>) container.create();
        String name;
        while ((name = in.nextFieldName()) != null) {
            Object k = key.read(in, name);
            entries.put(k, in.nextToken() == JsonToken.VALUE_NULL ? null : value.read(in));
        }
        return entries;
    }

    @Override
    public void write(JsonGenerator out, Object map) throws IOException {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
            if (entry.getValue() != null) {
                out.writeFieldName(key.write(entry.getKey()));
                value.write(out, entry.getValue());
            }
        }
        out.writeEndObject();
    }
}
