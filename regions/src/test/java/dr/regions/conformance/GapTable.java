package dr.regions.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of emulator gaps ({@code emulator-gaps.md} in the test resources): a row per thing moto does
 * differently from AWS, with the AWS source. Tests name rows by id ({@code G1}, {@code G2}, ...); a name with no row fails.
 */
public final class GapTable {
    public static final String RESOURCE = "/emulator-gaps.md";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(G\\d+)\\s*\\|\\s*([^|]*?)\\s*\\|");
    private static final Map<String, String> ROWS = load();

    private GapTable() {
    }

    /** The row's operation column, e.g. {@code Backup StartBackupJob}; fails for an id the table does not have. */
    public static String row(String id) {
        String operation = ROWS.get(id);
        if (operation == null) {
            throw new IllegalArgumentException("no row " + id + " in " + RESOURCE + " (rows: " + ROWS.keySet() + ")");
        }
        return operation;
    }

    /** {@code G3 (Backup StartBackupJob)}, for skip reasons and figures. */
    public static String describe(String id) {
        return id + " (" + row(id) + ")";
    }

    private static Map<String, String> load() {
        try (InputStream in = GapTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            Map<String, String> rows = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    rows.put(row.group(1), row.group(2));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
