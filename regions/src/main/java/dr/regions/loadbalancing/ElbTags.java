package dr.regions.loadbalancing;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.util.List;
import java.util.Map;

/** ELBv2's tag shape. */
final class ElbTags {
    private ElbTags() {
    }

    static List<Tag> of(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
