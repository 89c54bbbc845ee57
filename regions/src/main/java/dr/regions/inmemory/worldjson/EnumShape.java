package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** An enum constant, by its name. */
record EnumShape(Class<? extends Enum<?>> type) implements Shape {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object read(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.VALUE_STRING) {
            throw Mismatch.expected(in, "a " + type.getSimpleName() + " name");
        }
        try {
            return Enum.valueOf((Class) type, in.getText());
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(in, "'" + in.getText() + "' is no " + type.getSimpleName());
        }
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        out.writeString(((Enum<?>) value).name());
    }
}
