package dr.regions.inmemory;

import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the sandbox file store promises around the JSON: new accounts, private atomic saves, clear refusals. */
class SandboxStoreTest {
    @TempDir
    Path temp;

    @Test
    void aMissingFileIsANewAccountAndASavedOneComesBackPrivateAndWhole() throws IOException {
        SandboxStore store = new SandboxStore(temp.resolve("sandbox.json"));
        World world = store.load();
        world.clock().set(Instant.parse("2026-03-04T05:06:07.008Z"));
        String vpc = world.ids.next("vpc");

        store.save(world);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.unfinishedSave()).doesNotExist();
        World loaded = store.load();
        assertThat(loaded.time()).isEqualTo(world.time());
        assertThat(loaded.ids.next("vpc")).isNotEqualTo(vpc);
        assertThat(SandboxStore.toJson(loaded)).isEqualTo(SandboxStore.toJson(world).replace(
                "\"counter\":" + world.ids.counter, "\"counter\":" + loaded.ids.counter));
    }

    @Test
    void jsonThatHoldsNoWorldIsNotASandboxEvenWhenItsFieldsLookLikeOnes() throws IOException {
        for (String content : new String[] {"", "null", "{}", "[]", "42", "\"now\"", "{\"regions\":5}",
                "{\"ids\":{\"seed\":\"x\"},\"other\":{\"now\":\"2026-01-01T00:00:00Z\"}}"}) {
            Path file = Files.writeString(temp.resolve("other.json"), content);

            assertThatThrownBy(() -> new SandboxStore(file).load()).as(content)
                    .isInstanceOf(SandboxStore.NotASandbox.class)
                    .hasMessage("sandbox file " + file + " holds no saved sandbox (no 'now' field)");
        }
    }

    @Test
    void malformedJsonOrAWorldOfTheWrongShapeCannotBeReadAndSaysWhere() throws IOException {
        Path file = Files.writeString(temp.resolve("sandbox.json"), "{ not json");
        assertThatThrownBy(() -> new SandboxStore(file).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read sandbox file " + file + ": Unexpected character");

        Files.writeString(file, "{\"ids\":{\"seed\":\"x\"},\"now\":\"2026-01-01T00:00:00Z\"}");
        assertThatThrownBy(() -> new SandboxStore(file).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read sandbox file " + file + ": expected an integer, found VALUE_STRING")
                .hasMessageContaining("line: 1, column: 17");

        Files.writeString(file, "{\"now\":\"2026-01-01T00:00:00Z\",\"regions\":{\"us-east-1\":{\"ec2\":{\"vpcs\":[");
        assertThatThrownBy(() -> new SandboxStore(file).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("expected an object");
    }

    @Test
    void aFileWithOnlyTheClockIsAnEmptyWorldAndUnknownFieldsAreIgnored() throws IOException {
        Path file = Files.writeString(temp.resolve("sandbox.json"),
                "{\"later\":{\"a\":[1,2,{\"b\":null}]},\"now\":\"2026-01-01T00:00:00Z\"} trailing");

        World world = new SandboxStore(file).load();

        assertThat(world.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(world.regions).isEmpty();
    }

    @Test
    void toJsonAndFromJsonRoundTripAndFromJsonRefusesJsonWithoutAWorld() {
        World world = SandboxAccount.create();
        world.clock().set(Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(SandboxStore.toJson(SandboxStore.fromJson(SandboxStore.toJson(world))))
                .isEqualTo(SandboxStore.toJson(world));
        assertThatThrownBy(() -> SandboxStore.fromJson("{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'now' field");
    }
}
