package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A map's key type and its text as a JSON name: strings as they are, numbers as digits, enum constants by name. */
record MapKey(Class<?> type) {

    /** The key for this type, or null when such keys are not supported. */
    static MapKey of(Class<?> type) {
        if (type == String.class || type == Long.class || type == Integer.class || type.isEnum()) {
            return new MapKey(type);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object read(JsonParser in, String name) throws JsonParseException {
        try {
            if (type == String.class) {
                return name;
            }
            if (type == Long.class) {
                return Long.valueOf(name);
            }
            if (type == Integer.class) {
                return Integer.valueOf(name);
            }
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(in, "map key '" + name + "' is no " + type.getSimpleName());
        }
    }

    String write(Object key) {
        if (key == null) {
            throw new IllegalStateException("a map of the world holds a null key, which JSON cannot name");
        }
        return key instanceof Enum ? ((Enum<?>) key).name() : key.toString();
    }
}
