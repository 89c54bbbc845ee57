package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Collection;

/** A list or set: a JSON array of its elements, read into a new {@link Container}. */
record CollectionShape(Container container, Shape element) implements Shape {

    @Override
    @SuppressWarnings("unchecked")
    public Object read(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw Mismatch.expected(in, "an array");
        }
        Collection<Object> values = (Collection<Object>) container.create();
        JsonToken token;
        while ((token = in.nextToken()) != JsonToken.END_ARRAY) {
            values.add(token == JsonToken.VALUE_NULL ? null : element.read(in));
        }
        return values;
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        out.writeStartArray();
        for (Object item : (Collection<?>) value) {
            if (item == null) {
                out.writeNull();
            } else {
                element.write(out, item);
            }
        }
        out.writeEndArray();
    }
}
