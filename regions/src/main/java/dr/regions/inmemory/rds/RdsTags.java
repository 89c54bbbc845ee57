package dr.regions.inmemory.rds;

import software.amazon.awssdk.services.rds.model.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RDS tags: a list of key/value pairs on the wire, a map in state. Keys starting with {@code aws:} are AWS's. */
final class RdsTags {
    private RdsTags() {
    }

    static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag tag : tags) {
                if (tag.key() == null || tag.key().isEmpty()) {
                    throw RdsErrors.invalidParameterValue("Tag key must not be empty");
                }
                if (tag.key().startsWith("aws:")) {
                    throw RdsErrors.invalidParameterValue("Tag keys cannot start with the reserved prefix 'aws:'");
                }
                out.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
        }
        return out;
    }
}
