package dr.regions.inmemory.backup;

import java.util.LinkedHashMap;
import java.util.Map;

/** AWS Backup tags: a map on the wire and in state. Keys starting with {@code aws:} are reserved for AWS. */
final class BackupTags {
    private BackupTags() {
    }

    static Map<String, String> check(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach((key, value) -> {
                if (key == null || key.isEmpty() || key.startsWith("aws:")) {
                    throw BackupErrors.invalidParameter("Invalid tag key: " + key);
                }
                out.put(key, value == null ? "" : value);
            });
        }
        return out;
    }
}
