package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec reads every sandbox file databind wrote and writes what databind would have: compared on files the
 * databind code wrote, and, for every class of the world, on the properties each writes.
 */
class WorldJsonMatchesDatabindTest {
    @ParameterizedTest
    @ValueSource(strings = {"provisioned.json", "promoted.json"})
    void aFileDatabindWroteComesBackWithNothingLost(String fixture) {
        String saved = DatabindWorldJson.fixture(fixture);

        String written = SandboxStore.toJson(SandboxStore.fromJson(saved));

        assertContains(DatabindWorldJson.tree(saved), DatabindWorldJson.tree(written), "$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"provisioned.json", "promoted.json"})
    void theCodecWritesWhatDatabindWritesOfTheSameWorld(String fixture) throws Exception {
        World world = SandboxStore.fromJson(DatabindWorldJson.fixture(fixture));

        JsonNode byDatabind = DatabindWorldJson.tree(DatabindWorldJson.MAPPER.writeValueAsString(world));

        assertSameTree(byDatabind, DatabindWorldJson.tree(SandboxStore.toJson(world)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"provisioned.json", "promoted.json"})
    void databindReadsWhatTheCodecWrites(String fixture) throws Exception {
        String written = SandboxStore.toJson(SandboxStore.fromJson(DatabindWorldJson.fixture(fixture)));

        World byDatabind = DatabindWorldJson.MAPPER.readValue(written, World.class);

        assertSameTree(DatabindWorldJson.tree(written),
                DatabindWorldJson.tree(DatabindWorldJson.MAPPER.writeValueAsString(byDatabind)));
        assertThat(byDatabind.time()).isEqualTo(SandboxStore.fromJson(written).time());
    }

    @Test
    void everyClassOfTheWorldHasTheSamePropertiesForBothIncludingOnesNoFixtureHolds() {
        Shapes shapes = new Shapes();
        shapes.object(World.class);
        Map<Class<?>, List<String>> codec = shapes.propertyNames();

        assertThat(codec).hasSizeGreaterThan(80);
        codec.forEach((type, names) -> {
            Set<String> expected = new TreeSet<>();
            for (BeanPropertyDefinition property : DatabindWorldJson.MAPPER.getSerializationConfig()
                    .introspect(DatabindWorldJson.MAPPER.constructType(type)).findProperties()) {
                if (property.couldSerialize()) {
                    expected.add(property.getName());
                }
            }
            Set<String> actual = new TreeSet<>(names);
            if (type == World.class) {
                actual.add(WorldJson.CLOCK);
            }
            assertThat(actual).as("properties of %s", type.getName()).isEqualTo(expected);
        });
    }

    /** Equal trees; a difference is reported by its path rather than as two 160 KB documents. */
    static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertContains(expected, actual, "$");
        assertContains(actual, expected, "$");
    }

    /** Every value of {@code expected} is in {@code actual} at the same place (a newer world may add fields). */
    static void assertContains(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual).as(path).isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertContains(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
