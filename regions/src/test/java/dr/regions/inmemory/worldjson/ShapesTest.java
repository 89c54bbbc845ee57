package dr.regions.inmemory.worldjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec's rules, on small classes shaped as the world's are, and on the types it refuses. */
class ShapesTest {
    private static final JsonFactory JSON = new JsonFactory();

    public static final class Box {
        public static final String CONSTANT = "not state";
        public String name;
        public Map<String, String> sorted = new TreeMap<>();
        public int count = 7;
        public Map<String, Part> parts = new LinkedHashMap<>();
        public Integer maybe;
        public TreeMap<Long, String> versions = new TreeMap<>();
        public boolean on = true;
        public Map<String, SortedSet<String>> users = new LinkedHashMap<>();
        public long big;
        public List<Pair> pairs = new ArrayList<>();
        public double ratio;
        public Set<String> tags;
        public Instant at;
        public Size size;
        public Part part;
        public Pair pair;
        transient String cache = "not state";
    }

    public abstract static class Base {
        public String id;
    }

    public static final class Part extends Base {
        public String value;
    }

    public record Pair(String left, int right) {
    }

    public enum Size { SMALL, LARGE }

    @Test
    void writesNonNullFieldsSuperclassFirstAndReadsThemBack() throws IOException {
        Box box = new Box();
        box.name = "b";
        box.at = Instant.parse("2026-01-01T00:00:01.500Z");
        box.size = Size.LARGE;
        box.part = new Part();
        box.part.id = "p-1";
        box.part.value = "v";
        box.sorted.put("z", "1");
        box.sorted.put("a", "2");
        box.versions.put(10L, "ten");
        box.versions.put(2L, "two");
        box.users.computeIfAbsent("u", k -> new java.util.TreeSet<>()).addAll(List.of("y", "x"));
        box.pairs.add(new Pair("l", 3));
        box.pairs.add(new Pair(null, 0));

        String json = write(box);

        assertThat(json).isEqualTo("{\"name\":\"b\",\"sorted\":{\"a\":\"2\",\"z\":\"1\"},\"count\":7,\"parts\":{},"
                + "\"versions\":{\"2\":\"two\",\"10\":\"ten\"},\"on\":true,\"users\":{\"u\":[\"x\",\"y\"]},\"big\":0,"
                + "\"pairs\":[{\"left\":\"l\",\"right\":3},{\"right\":0}],\"ratio\":0.0,"
                + "\"at\":\"2026-01-01T00:00:01.500Z\",\"size\":\"LARGE\",\"part\":{\"id\":\"p-1\",\"value\":\"v\"}}");
        Box back = read(json);
        assertThat(write(back)).isEqualTo(json);
        assertThat(back.sorted).isInstanceOf(TreeMap.class);
        assertThat(back.users.get("u")).isInstanceOf(java.util.TreeSet.class);
        assertThat(back.versions.firstKey()).isEqualTo(2L);
        assertThat(back.pairs.get(1)).isEqualTo(new Pair(null, 0));
    }

    @Test
    void fieldsTheFileLacksKeepTheirInitialValuesAndUnknownNamesAreSkipped() throws IOException {
        Box back = read("{\"name\":\"n\",\"future\":{\"deep\":[1,{\"x\":null}]},\"maybe\":null,\"on\":null,"
                + "\"pair\":{\"left\":\"l\",\"later\":true}}");

        assertThat(back.name).isEqualTo("n");
        assertThat(back.count).isEqualTo(7);
        assertThat(back.on).as("null in a primitive is its zero, as databind read it").isFalse();
        assertThat(back.maybe).isNull();
        assertThat(back.pair).isEqualTo(new Pair("l", 0));
        assertThat(back.cache).isEqualTo("not state");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorThatSaysWhereAndWhat() {
        assertThatThrownBy(() -> read("{\"count\":\"seven\"}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("expected an integer, found VALUE_STRING")
                .hasMessageContaining("line: 1, column: ");
        assertThatThrownBy(() -> read("{\"at\":\"yesterday\"}"))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("expected an ISO-8601 instant");
        assertThatThrownBy(() -> read("{\"size\":\"MEDIUM\"}"))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("'MEDIUM' is no Size");
        assertThatThrownBy(() -> read("{\"versions\":{\"two\":\"2\"}}"))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("map key 'two' is no Long");
        assertThatThrownBy(() -> read("{\"parts\":[]}"))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("expected an object");
    }

    public static final class HoldsObject {
        public Object anything;
    }

    public static final class HoldsAbstract {
        public Base base;
    }

    public static final class HoldsOptional {
        public Optional<String> maybe;
    }

    public static final class HoldsPrivateState {
        private String hidden;
    }

    public static final class HoldsFinal {
        public final String fixed = "x";
    }

    public static final class HoldsArray {
        public String[] names;
    }

    public static final class HoldsRawList {
        @SuppressWarnings("rawtypes")
        public List names;
    }

    public static final class HoldsOddMap {
        public Map<Instant, String> byTime;
    }

    public static final class HoldsOddInitializer {
        public List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    public static final class NoDefaultConstructor {
        public String name;

        public NoDefaultConstructor(String name) {
            this.name = name;
        }
    }

    public static final class HoldsNoDefault {
        public NoDefaultConstructor inner;
    }

    @Test
    void aTypeTheRulesDoNotCoverFailsAtOnceNamingTheField() {
        assertRefused(HoldsObject.class, "HoldsObject.anything (java.lang.Object)");
        assertRefused(HoldsAbstract.class, "HoldsAbstract.base");
        assertRefused(HoldsOptional.class, "HoldsOptional.maybe");
        assertRefused(HoldsPrivateState.class, "HoldsPrivateState.hidden");
        assertRefused(HoldsFinal.class, "HoldsFinal.fixed");
        assertRefused(HoldsArray.class, "HoldsArray.names");
        assertRefused(HoldsRawList.class, "HoldsRawList.names");
        assertRefused(HoldsOddMap.class, "HoldsOddMap.byTime");
        assertRefused(HoldsOddInitializer.class, "HoldsOddInitializer.names");
        assertRefused(HoldsNoDefault.class, "HoldsNoDefault.inner");
    }

    public static class Open {
        public String name;
    }

    public static final class Wider extends Open {
        public String more;
    }

    public static final class HoldsOpen {
        public Open open;
    }

    @Test
    void aSubclassWhereTheFieldDeclaresItsSuperclassIsRefusedRatherThanSavedWithoutItsOwnFields() {
        HoldsOpen holder = new HoldsOpen();
        holder.open = new Wider();

        assertThatThrownBy(() -> write(holder, new Shapes().object(HoldsOpen.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Wider where its field declares")
                .hasMessageContaining("ShapesTest$Open");
    }

    private static void assertRefused(Class<?> type, String where) {
        assertThatThrownBy(() -> new Shapes().object(type))
                .isInstanceOf(UnsupportedWorldType.class)
                .hasMessageStartingWith(where)
                .hasMessageContaining("the sandbox file cannot hold it");
    }

    private static String write(Box box) throws IOException {
        return write(box, new Shapes().object(Box.class));
    }

    private static String write(Object value, ObjectShape shape) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            shape.write(out, value);
        }
        return text.toString();
    }

    private static Box read(String json) throws IOException {
        try (JsonParser in = JSON.createParser(json)) {
            in.nextToken();
            return (Box) new Shapes().object(Box.class).read(in);
        }
    }
}
