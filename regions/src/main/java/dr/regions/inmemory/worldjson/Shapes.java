package dr.regions.inmemory.worldjson;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that make a {@link Shape} of each type the world holds, walked from the world's class once, so that a
 * type they do not cover fails every load and save (and every test that makes a sandbox) at once, naming the field,
 * instead of losing data. Covered: classes of public fields with a public no-argument constructor (fields of their
 * superclasses first; static and transient fields are not state), records, strings, booleans, int, long, double
 * (boxed or not), {@link Instant}, enums, lists and sets of these, and maps of them by string, number or enum keys.
 * Not covered, on purpose: abstract or interface types other than the collections (nothing would say which class to
 * make), arrays, {@code Object}, other {@code java.*} types, non-public instance fields (databind did not save them
 * either; mark what is not state {@code transient}) and final ones (a load could not set them).
 */
final class Shapes {
    private final Map<Class<?>, Shape> classes = new HashMap<>();

    /** The shape of a world class, with everything reachable from it. */
    ObjectShape object(Class<?> type) {
        Shape shape = of(type, type.getSimpleName());
        if (!(shape instanceof ObjectShape)) {
            throw unsupported(type.getSimpleName(), type, "it is not a class of public fields");
        }
        return (ObjectShape) shape;
    }

    /** The JSON names of each class's properties, of every class made so far (for the tests that compare). */
    Map<Class<?>, List<String>> propertyNames() {
        Map<Class<?>, List<String>> names = new HashMap<>();
        for (Map.Entry<Class<?>, Shape> entry : classes.entrySet()) {
            Shape shape = entry.getValue();
            if (shape instanceof ObjectShape) {
                names.put(entry.getKey(), ((ObjectShape) shape).names());
            }
        }
        return names;
    }

    private Shape of(Type type, String where) {
        if (type instanceof Class<?>) {
            Class<?> raw = (Class<?>) type;
            Shape known = classes.get(raw);
            return known != null ? known : classShape(raw, where);
        }
        if (type instanceof ParameterizedType) {
            Class<?> raw = (Class<?>) ((ParameterizedType) type).getRawType();
            return container(type, Container.forDeclared(raw), where);
        }
        throw unsupported(where, type, "a type variable or wildcard says nothing about what to make");
    }

    /** A list, set or map held in {@code container}; {@code type} gives the element, key and value types. */
    private Shape container(Type type, Container container, String where) {
        if (container == null || !(type instanceof ParameterizedType)) {
            throw unsupported(where, type, "only List, Set and Map (with their element types) and their "
                    + "ArrayList, LinkedHashSet, HashSet, TreeSet, LinkedHashMap, HashMap and TreeMap are covered");
        }
        Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
        if (!container.isMap()) {
            return new CollectionShape(container, of(arguments[0], where + "[]"));
        }
        MapKey key = arguments[0] instanceof Class<?> ? MapKey.of((Class<?>) arguments[0]) : null;
        if (key == null) {
            throw unsupported(where, type, "map keys must be strings, Long, Integer or an enum");
        }
        return new MapShape(container, key, of(arguments[1], where + "{}"));
    }

    private Shape classShape(Class<?> type, String where) {
        Shape scalar = scalar(type);
        if (scalar != null) {
            return scalar;
        }
        if (type.isEnum()) {
            @SuppressWarnings("unchecked")
            Shape shape = new EnumShape((Class<? extends Enum<?>>) type);
            classes.put(type, shape);
            return shape;
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            throw unsupported(where, type, "a raw collection says nothing about its elements");
        }
        if (type.isRecord()) {
            return record(type, where);
        }
        if (type.isArray() || type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type == Object.class
                || type.isPrimitive() || type.getName().startsWith("java.")) {
            throw unsupported(where, type, "not a concrete class of public fields");
        }
        return pojo(type, where);
    }

    private static Shape scalar(Class<?> type) {
        if (type == String.class) {
            return Scalar.STRING;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Scalar.BOOLEAN;
        }
        if (type == int.class || type == Integer.class) {
            return Scalar.INT;
        }
        if (type == long.class || type == Long.class) {
            return Scalar.LONG;
        }
        if (type == double.class || type == Double.class) {
            return Scalar.DOUBLE;
        }
        if (type == Instant.class) {
            return Scalar.INSTANT;
        }
        return null;
    }

    private Shape pojo(Class<?> type, String where) {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw unsupported(where, type, "it has no public no-argument constructor");
        }
        ObjectShape shape = new ObjectShape(type, constructor);
        classes.put(type, shape);
        Object prototype = shape.newInstance();
        List<Property> properties = new ArrayList<>();
        for (Field field : stateFields(type)) {
            String at = type.getSimpleName() + "." + field.getName();
            properties.add(new Property(field, fieldShape(field, prototype, at)));
        }
        shape.define(new Properties(properties));
        return shape;
    }

    /** The instance fields of {@code type} and its superclasses, superclasses' first, as databind ordered them. */
    private static List<Field> stateFields(Class<?> type) {
        List<Field> fields = type.getSuperclass() == null ? new ArrayList<>() : stateFields(type.getSuperclass());
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                continue;
            }
            String at = type.getSimpleName() + "." + field.getName();
            if (!Modifier.isPublic(modifiers) || Modifier.isFinal(modifiers)) {
                throw unsupported(at, field.getGenericType(), "world state lives in public, non-final fields (mark "
                        + "a field that is not state transient)");
            }
            fields.add(field);
        }
        return fields;
    }

    /** A field's shape; a collection field is read into the class its initializer made, when it has one. */
    private Shape fieldShape(Field field, Object prototype, String where) {
        Class<?> declared = field.getType();
        if (!Collection.class.isAssignableFrom(declared) && !Map.class.isAssignableFrom(declared)) {
            return of(field.getGenericType(), where);
        }
        Object initial = Property.valueOf(field, prototype);
        Container container = initial == null ? Container.forDeclared(declared) : Container.of(initial.getClass());
        if (container == null && initial != null) {
            throw unsupported(where, initial.getClass(), "its initializer's class is not one the codec makes");
        }
        return container(field.getGenericType(), container, where);
    }

    private Shape record(Class<?> type, String where) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Property> properties = new ArrayList<>();
        ObjectShape shape;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            shape = new ObjectShape(type, canonical);
            classes.put(type, shape);
            for (RecordComponent component : components) {
                Field field = type.getDeclaredField(component.getName());
                field.setAccessible(true);
                properties.add(new Property(field, of(component.getGenericType(),
                        type.getSimpleName() + "." + component.getName())));
            }
        } catch (NoSuchMethodException | NoSuchFieldException e) {
            throw unsupported(where, type, "its canonical constructor or a component's field is missing");
        }
        shape.define(new Properties(properties));
        return shape;
    }

    private static UnsupportedWorldType unsupported(String where, Type type, String why) {
        return new UnsupportedWorldType(where + " (" + type.getTypeName() + "): the sandbox file cannot hold it: "
                + why);
    }
}
