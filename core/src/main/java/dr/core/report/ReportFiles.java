package dr.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes the renderings of one report side by side, {@code <directory>/<base>.<extension>}, creating the directory
 * when missing: the files the drill, promote-replica and cleanup leave for the record.
 */
public final class ReportFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    /** Fields without a value are left out, not written as {@code null}. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

    private ReportFiles() {
    }

    /** {@code <operation>-<stack>-<yyyyMMdd-HHmmss>}, e.g. {@code cleanup-shop-20260101-003512}. */
    public static String base(String operation, String stack, Instant at) {
        return operation + "-" + stack + "-" + STAMP.format(at);
    }

    /** Indented JSON with a final newline, as the report files hold it. */
    public static String json(JsonNode document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Never overwrites an earlier report: when {@code base} is taken (two runs in the same second, or a sandbox
     * whose modeled clock stood still), the files get the first free suffix {@code -2}, {@code -3} ...
     *
     * @param contents the text of each file by its extension, in the order to write them
     * @return the absolute path of each file by its extension
     */
    public static Map<String, Path> write(Path directory, String base, Map<String, String> contents) {
        Map<String, Path> written = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            String free = freeBase(directory, base, contents.keySet());
            for (Map.Entry<String, String> file : contents.entrySet()) {
                Path path = Files.writeString(directory.resolve(free + "." + file.getKey()), file.getValue(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written.put(file.getKey(), path.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + base + " into " + directory, e);
        }
        return written;
    }

    private static String freeBase(Path directory, String base, Set<String> extensions) {
        String candidate = base;
        for (int n = 2; taken(directory, candidate, extensions); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Path directory, String base, Set<String> extensions) {
        return extensions.stream().anyMatch(extension -> Files.exists(directory.resolve(base + "." + extension)));
    }
}
