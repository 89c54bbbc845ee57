package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A record: a JSON object of its non-null components. Reading collects the components the file has (absent ones
 * are null, or zero for primitives) and calls the canonical constructor.
 */
final class RecordShape implements Shape {
    private final Class<?> type;
    private final Constructor<?> canonical;
    private Properties components;

    RecordShape(Class<?> type, Constructor<?> canonical) {
        this.type = type;
        this.canonical = canonical;
    }

    void define(Properties components) {
        this.components = components;
    }

    List<String> names() {
        return components.names();
    }

    @Override
    public Object read(JsonParser in) throws IOException {
        Object[] arguments = new Object[components.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = Scalar.zeroOf(components.at(i).field.getType());
        }
        components.readObject(in, type, (at, value) -> arguments[at] = value);
        try {
            return canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new JsonParseException(in, "not a valid " + type.getSimpleName() + ": " + e.getCause(), e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    @Override
    public void write(JsonGenerator out, Object value) throws IOException {
        components.writeObject(out, value);
    }
}
