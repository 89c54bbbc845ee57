package dr.regions.database;

import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;

/** RDS's tag shape. */
final class RdsTags {
    private RdsTags() {
    }

    static List<Tag> of(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
