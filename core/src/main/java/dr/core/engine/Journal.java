package dr.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.clock.Clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An append-only JSON-lines file of what an operation did, so that a later run can undo or finish it after a crash
 * (e.g. the security-group rules a drill revoked). Each record is written whole and forced to disk before
 * {@link #append} returns, so a crash loses at most the record being written; {@link #readAll} ignores such a torn
 * last line, and the next append cuts it off before writing.
 */
public final class Journal {
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final Path path;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Consumer<Entry> afterEachRecord;

    /** One record: when, what kind (e.g. {@code ingress-revoked}), about what (e.g. a step key or resource id). */
    public record Entry(Instant time, String type, String key, Map<String, Object> data) {
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(type, "type");
            data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    public Journal(Path path, Clock clock) {
        this(path, clock, entry -> { });
    }

    /**
     * A journal that calls {@code afterEachRecord} once a record is on disk, before {@link #append} returns: where a
     * crash test kills the process ("killed right after its journal recorded ...").
     */
    public Journal(Path path, Clock clock, Consumer<Entry> afterEachRecord) {
        this.path = path;
        this.clock = clock;
        this.afterEachRecord = afterEachRecord;
    }

    public Path path() {
        return path;
    }

    /** Appends a record stamped with the clock's time and forces it to disk. */
    public synchronized Entry append(String type, String key, Map<String, Object> data) {
        Entry entry = new Entry(clock.now(), type, key, data);
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ), PrivateFiles.attributes())) {
                channel.position(cutTornTail(channel));
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + path, e);
        }
        afterEachRecord.accept(entry);
        return entry;
    }

    /**
     * Every complete record in order; empty when the file does not exist.
     *
     * @throws IllegalStateException when a record other than a torn last line cannot be read
     */
    public synchronized List<Entry> readAll() {
        if (!Files.exists(path)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + path, e);
        }
        String[] lines = text.split("\n", -1);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            boolean tornTail = i == lines.length - 1;
            try {
                entries.add(fromJson(lines[i]));
            } catch (JsonProcessingException | RuntimeException e) {
                if (!tornTail) {
                    throw new IllegalStateException("journal " + path + " line " + (i + 1) + " is unreadable: "
                            + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * Makes the file end at a record boundary and returns where to write: a last line without its newline is either
     * a whole record that lost only the newline (kept, newline added) or a record torn by a crash (cut off).
     */
    private long cutTornTail(FileChannel channel) throws IOException {
        long end = channel.size();
        long lineStart = end;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (lineStart > 0) {
            one.clear();
            channel.read(one, lineStart - 1);
            if (one.get(0) == '\n') {
                break;
            }
            lineStart--;
        }
        if (lineStart == end) {
            return end;
        }
        ByteBuffer tail = ByteBuffer.allocate((int) (end - lineStart));
        channel.read(tail, lineStart);
        if (isRecord(new String(tail.array(), StandardCharsets.UTF_8))) {
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
            return end + 1;
        }
        channel.truncate(lineStart);
        return lineStart;
    }

    private boolean isRecord(String line) {
        try {
            fromJson(line);
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            return false;
        }
    }

    private String toJson(Entry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("time", entry.time().toString());
        node.put("type", entry.type());
        node.put("key", entry.key());
        node.set("data", json.valueToTree(entry.data()));
        return node.toString();
    }

    private Entry fromJson(String line) throws JsonProcessingException {
        JsonNode node = json.readTree(line);
        if (!node.isObject() || !node.hasNonNull("time") || !node.hasNonNull("type")) {
            throw new IllegalArgumentException("not a journal record");
        }
        Map<String, Object> data = node.hasNonNull("data") ? json.convertValue(node.get("data"), DATA) : Map.of();
        String key = node.hasNonNull("key") ? node.get("key").asText() : null;
        return new Entry(Instant.parse(node.get("time").asText()), node.get("type").asText(), key, data);
    }
}
