package dr.regions.inmemory.worldjson;

import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loaded world's collections are of the classes the world's own code makes: each field's initializer's class
 * (insertion-ordered maps stay LinkedHashMap, sorted ones TreeMap/TreeSet), so that what a command adds after a
 * load lands where it would have without one.
 */
class LoadedCollectionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"provisioned.json", "promoted.json"})
    void everyCollectionFieldHoldsTheClassItsInitializerMakes(String fixture) throws Exception {
        World world = SandboxStore.fromJson(DatabindWorldJson.fixture(fixture));
        List<String> checked = new ArrayList<>();

        walk(world, new IdentityHashMap<>(), checked);

        assertThat(checked).as("collection fields checked").hasSizeGreaterThan(100);
        assertThat(world.optedInRegions).isInstanceOf(TreeSet.class);
        assertThat(world.dependencies.usedBy).isNotEmpty();
        assertThat(world.dependencies.usedBy.values()).allSatisfy(users -> assertThat(users).isInstanceOf(TreeSet.class));
    }

    private static void walk(Object value, Map<Object, Boolean> seen, List<String> checked) throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Map<?, ?>) {
            for (Object item : ((Map<?, ?>) value).values()) {
                walk(item, seen, checked);
            }
            return;
        }
        if (value instanceof Collection<?>) {
            for (Object item : (Collection<?>) value) {
                walk(item, seen, checked);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("dr.regions.inmemory.world.") || type.isRecord()) {
            return;
        }
        Object fresh = type.getConstructor().newInstance();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object loaded = field.get(value);
            Object initial = field.get(fresh);
            if (loaded != null && initial != null
                    && (loaded instanceof Map<?, ?> || loaded instanceof Collection<?>)) {
                assertThat(loaded.getClass()).as("%s.%s", type.getSimpleName(), field.getName())
                        .isEqualTo(initial.getClass());
                checked.add(type.getSimpleName() + "." + field.getName());
            }
            walk(loaded, seen, checked);
        }
    }
}
