package dr.regions.inmemory.worldjson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The collection classes the world's fields hold, and what a loaded field gets: the class of the field's own
 * initializer, else the declared class when it is one of these, else the default for the declared interface
 * ({@code List}: ArrayList, {@code Set}: LinkedHashSet, {@code Map}: LinkedHashMap, sorted ones: Tree*), so that
 * insertion-ordered and sorted collections keep their order after a load.
 */
enum Container {
    ARRAY_LIST(ArrayList.class, ArrayList::new),
    LINKED_HASH_SET(LinkedHashSet.class, LinkedHashSet::new),
    HASH_SET(HashSet.class, HashSet::new),
    TREE_SET(TreeSet.class, TreeSet::new),
    LINKED_HASH_MAP(LinkedHashMap.class, LinkedHashMap::new),
    HASH_MAP(HashMap.class, HashMap::new),
    TREE_MAP(TreeMap.class, TreeMap::new);

    final Class<?> type;
    private final Supplier<Object> maker;

    Container(Class<?> type, Supplier<Object> maker) {
        this.type = type;
        this.maker = maker;
    }

    boolean isMap() {
        return Map.class.isAssignableFrom(type);
    }

    Object create() {
        return maker.get();
    }

    /** The container for exactly this class, or null when it is none of the supported ones. */
    static Container of(Class<?> type) {
        for (Container container : values()) {
            if (container.type == type) {
                return container;
            }
        }
        return null;
    }

    /** The container for a declared type with no initializer to go by, or null for a type that is no collection. */
    static Container forDeclared(Class<?> declared) {
        Container exact = of(declared);
        if (exact != null) {
            return exact;
        }
        if (declared == List.class || declared == Collection.class) {
            return ARRAY_LIST;
        }
        if (declared == Set.class) {
            return LINKED_HASH_SET;
        }
        if (declared == SortedSet.class || declared == NavigableSet.class) {
            return TREE_SET;
        }
        if (declared == Map.class) {
            return LINKED_HASH_MAP;
        }
        if (declared == SortedMap.class || declared == NavigableMap.class) {
            return TREE_MAP;
        }
        return null;
    }
}
