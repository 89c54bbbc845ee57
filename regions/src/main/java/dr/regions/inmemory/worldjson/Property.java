package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.lang.reflect.Field;

/** One field of a world class: its JSON name (the field's name) and the shape of its value. */
final class Property {
    final String name;
    final Field field;
    final Shape shape;

    Property(Field field, Shape shape) {
        this.name = field.getName();
        this.field = field;
        this.shape = shape;
    }

    /** Writes {@code "name": value}, or nothing when the value is null (databind's NON_NULL). */
    void write(JsonGenerator out, Object owner) throws IOException {
        Object value = get(owner);
        if (value != null) {
            out.writeFieldName(name);
            shape.write(out, value);
        }
    }

    /** The value at the parser's current token; JSON null is null, or zero for a primitive field, as in databind. */
    Object read(JsonParser in) throws IOException {
        return in.currentToken() == JsonToken.VALUE_NULL ? Scalar.zeroOf(field.getType()) : shape.read(in);
    }

    Object get(Object owner) {
        return valueOf(field, owner);
    }

    static Object valueOf(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    void set(Object owner, Object value) {
        try {
            field.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }
}
