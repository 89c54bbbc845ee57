package dr.regions.inmemory.elb;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tag rules shared by every ELBv2 resource: no key twice in one request, at most 50 tags per resource. */
final class ElbTags {
    static final int MAX_TAGS = 50;

    private ElbTags() {
    }

    /** Adds {@code tags} to {@code target} (overwriting values of existing keys), as AddTags does. */
    static void add(Map<String, String> target, List<Tag> tags) {
        if (tags == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> merged = new LinkedHashMap<>(target);
        for (Tag tag : tags) {
            if (tag.key() == null) {
                throw ElbErrors.missing("tags.member.key");
            }
            if (!seen.add(tag.key())) {
                throw ElbErrors.duplicateTagKeys(tag.key());
            }
            merged.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        if (merged.size() > MAX_TAGS) {
            throw ElbErrors.tooManyTags();
        }
        target.clear();
        target.putAll(merged);
    }

    static Map<String, String> of(List<Tag> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        add(result, tags);
        return result;
    }
}
