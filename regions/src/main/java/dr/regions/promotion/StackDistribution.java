package dr.regions.promotion;

import dr.core.model.Tags;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's CloudFront distribution (a global service): by the comment provisioning gives it,
 * {@code dr/<stack>/distribution}, or failing that by its tags.
 */
final class StackDistribution {
    static final String ROLE = "distribution";

    private StackDistribution() {
    }

    static Optional<DistributionSummary> find(CloudFrontClient cloudFront, String stack) {
        List<DistributionSummary> all = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            DistributionList list = cloudFront.listDistributions(r -> r.marker(page)).distributionList();
            if (list == null) {
                break;
            }
            all.addAll(list.items());
            marker = Boolean.TRUE.equals(list.isTruncated()) ? list.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        String comment = "dr/" + stack + "/" + ROLE;
        return all.stream().filter(d -> comment.equals(d.comment())).findFirst()
                .or(() -> all.stream().filter(d -> tagged(cloudFront, d, stack)).findFirst());
    }

    private static boolean tagged(CloudFrontClient cloudFront, DistributionSummary summary, String stack) {
        Map<String, String> tags = new HashMap<>();
        var set = cloudFront.listTagsForResource(r -> r.resource(summary.arn())).tags();
        if (set != null) {
            set.items().forEach(t -> tags.put(t.key(), t.value()));
        }
        return stack.equals(tags.get(Tags.STACK)) && ROLE.equals(tags.get(Tags.ROLE));
    }
}
