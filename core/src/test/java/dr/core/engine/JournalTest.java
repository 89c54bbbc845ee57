package dr.core.engine;

import dr.core.clock.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();

    private static final Map<String, Object> SAVED_RULE = Map.of(
            "groupId", "sg-0123",
            "rules", List.of(Map.of("protocol", "tcp", "fromPort", 443, "toPort", 443, "cidr", "0.0.0.0/0")));

    @Test
    void theJournalIsReadableByItsOwnerOnly() throws IOException {
        Path path = dir.resolve("journal.jsonl");

        new Journal(path, clock).append("step-started", "promote", Map.of());

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                .isEqualTo("rw-------");
    }

    @Test
    void recordsComeBackInOrderWithTimeTypeKeyAndNestedData() {
        Journal journal = new Journal(dir.resolve("drill/journal.jsonl"), clock);

        journal.append("ingress-revoked", "us-east-1/alb-web", SAVED_RULE);
        clock.advance(Duration.ofMinutes(3));
        journal.append("ingress-restored", "us-east-1/alb-web", Map.of());

        List<Journal.Entry> entries = new Journal(dir.resolve("drill/journal.jsonl"), clock).readAll();
        assertThat(entries).containsExactly(
                new Journal.Entry(VirtualClock.EPOCH, "ingress-revoked", "us-east-1/alb-web", SAVED_RULE),
                new Journal.Entry(VirtualClock.EPOCH.plus(Duration.ofMinutes(3)), "ingress-restored",
                        "us-east-1/alb-web", Map.of()));
    }

    @Test
    void aJournalNeverWrittenIsEmpty() {
        assertThat(new Journal(dir.resolve("none.jsonl"), clock).readAll()).isEmpty();
    }

    @Test
    void aRecordTornByACrashIsIgnoredAndCutOffByTheNextAppend() throws IOException {
        Path path = dir.resolve("journal.jsonl");
        Journal journal = new Journal(path, clock);
        journal.append("ingress-revoked", "sg-1", SAVED_RULE);
        Files.writeString(path, "{\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"ingress-rev", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        assertThat(journal.readAll()).extracting(Journal.Entry::type).containsExactly("ingress-revoked");

        journal.append("ingress-restored", "sg-1", Map.of());

        assertThat(journal.readAll()).extracting(Journal.Entry::type)
                .containsExactly("ingress-revoked", "ingress-restored");
        assertThat(Files.readAllLines(path)).hasSize(2);
    }

    @Test
    void aWholeLastRecordThatLostOnlyItsNewlineIsKept() throws IOException {
        Path path = dir.resolve("journal.jsonl");
        Journal journal = new Journal(path, clock);
        journal.append("first", "k", Map.of());
        String content = Files.readString(path);
        Files.writeString(path, content.substring(0, content.length() - 1));

        journal.append("second", "k", Map.of());

        assertThat(journal.readAll()).extracting(Journal.Entry::type).containsExactly("first", "second");
    }

    @Test
    void anUnreadableRecordBeforeTheEndIsAnError() throws IOException {
        Path path = dir.resolve("journal.jsonl");
        Journal journal = new Journal(path, clock);
        journal.append("first", "k", Map.of());
        Files.writeString(path, "not json\n", StandardOpenOption.APPEND);
        journal.append("third", "k", Map.of());

        assertThatThrownBy(journal::readAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2 is unreadable");
    }
}
