package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A class of plain public fields: a JSON object of its non-null fields. Reading makes the object with its no-argument
 * constructor, so fields the file does not have keep their initial values, then sets each field the file has;
 * names the class does not have are skipped.
 */
final class ObjectShape implements Shape {
    private final Class<?> type;
    private final Constructor<?> constructor;
    private Properties properties;

    ObjectShape(Class<?> type, Constructor<?> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /** Completes the shape once its fields' shapes exist (they may refer back to this one). */
    void define(Properties properties) {
        this.properties = properties;
    }

    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    /** The JSON names of its fields, in the order they are written. */
    List<String> names() {
        return properties.names();
    }

    @Override
    public Object read(JsonParser in) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw Mismatch.expected(in, "an object (" + type.getSimpleName() + ")");
        }
        Object value = newInstance();
        String name;
        while ((name = in.nextFieldName()) != null) {
            in.nextToken();
            readProperty(in, value, name);
        }
        return value;
    }

    /** Reads the value at the current token into the field {@code name}, or skips it when there is no such field. */
    void readProperty(JsonParser in, Object owner, String name) throws IOException {
        int at = properties.indexOf(name);
        if (at < 0) {
            in.skipChildren();
        } else {
            Property property = properties.at(at);
            property.set(owner, property.read(in));
        }
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        out.writeStartObject();
        writeProperties(out, value);
        out.writeEndObject();
    }

    void writeProperties(JsonGenerator out, Object value) throws IOException {
        if (value.getClass() != type) {
            throw new IllegalStateException("the world holds a " + value.getClass().getName() + " where its field "
                    + "declares " + type.getName() + ": its own fields would not be saved");
        }
        properties.writeAll(out, value);
    }
}
