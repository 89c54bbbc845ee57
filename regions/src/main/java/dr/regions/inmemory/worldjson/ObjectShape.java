package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A class of plain public fields, or a record: a JSON object of its non-null fields (components). A class is made
 * with its no-argument constructor, so fields the file does not have keep their initial values, then each field the
 * file has is set; a record is made with its canonical constructor from the components the file has (absent ones
 * null, or zero for primitives).
 */
final class ObjectShape implements Shape {
    private final Class<?> type;
    /** The no-argument constructor of a class, the canonical one of a record. */
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

    /** The JSON names of its fields, in the order they are written. */
    List<String> names() {
        return properties.names();
    }

    /** A new instance of a class (not of a record), with its fields' initial values. */
    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    @Override
    public Object read(JsonParser in) throws IOException {
        return type.isRecord() ? readRecord(in) : readFields(in);
    }

    private Object readFields(JsonParser in) throws IOException {
        Object value = newInstance();
        properties.readObject(in, type, (at, field) -> properties.at(at).set(value, field));
        return value;
    }

    private Object readRecord(JsonParser in) throws IOException {
        Object[] components = new Object[properties.size()];
        for (int i = 0; i < components.length; i++) {
            components[i] = Scalar.zeroOf(properties.at(i).field.getType());
        }
        properties.readObject(in, type, (at, component) -> components[at] = component);
        try {
            return constructor.newInstance(components);
        } catch (InvocationTargetException e) {
            throw new JsonParseException(in, "not a valid " + type.getSimpleName() + ": " + e.getCause(), e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    /** Reads the value at the current token into the field {@code name} of {@code owner}, if it has one. */
    void readProperty(JsonParser in, Object owner, String name) throws IOException {
        properties.readValue(in, name, (at, field) -> properties.at(at).set(owner, field));
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        checkExactly(value);
        properties.writeObject(out, value);
    }

    /** Writes the fields only, for a caller that adds its own properties to the object. */
    void writeProperties(JsonGenerator out, Object value) throws IOException {
        checkExactly(value);
        properties.writeFields(out, value);
    }

    private void checkExactly(Object value) {
        if (value.getClass() != type) {
            throw new IllegalStateException("the world holds a " + value.getClass().getName() + " where its field "
                    + "declares " + type.getName() + ": its own fields would not be saved");
        }
    }
}
