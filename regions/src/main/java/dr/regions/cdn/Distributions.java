package dr.regions.cdn;

import dr.core.model.Tags;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way dr reads CloudFront distributions (a global service): every one in the account, their tags, and the
 * stack's own. CloudFront lists distributions without tags or caller references, so the stack's distribution is
 * found by the comment provisioning gives it, {@code dr/<stack>/distribution}, or failing that (someone edited the
 * comment) by its tags {@code dr:stack} and {@code dr:role}, read per distribution.
 *
 * <p>Paging rule: a page without a {@code DistributionList}, or a list without {@code Items} (how CloudFront answers
 * an account with no distributions), adds nothing; listing stops at a page that is not truncated or that names no
 * next marker (absent or empty), so a short answer never loops on the first page.
 */
public final class Distributions {
    /** The role of the stack's distribution: its step key, its {@code dr:role} tag and the end of its comment. */
    public static final String ROLE = "distribution";

    private Distributions() {
    }

    /** {@code dr/<stack>/distribution}: what provisioning writes as the distribution's comment. */
    public static String comment(String stack) {
        return "dr/" + stack + "/" + ROLE;
    }

    /** Every distribution of the account, in listing order. */
    public static List<DistributionSummary> all(CloudFrontClient cloudFront) {
        List<DistributionSummary> all = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            DistributionList page = cloudFront.listDistributions(r -> r.marker(current)).distributionList();
            if (page == null) {
                break;
            }
            if (page.items() != null) {
                all.addAll(page.items());
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return all;
    }

    /** The stack's distribution: by comment, else by tags. */
    public static Optional<DistributionSummary> ofStack(CloudFrontClient cloudFront, String stack) {
        List<DistributionSummary> all = all(cloudFront);
        String comment = comment(stack);
        return all.stream().filter(d -> comment.equals(d.comment())).findFirst()
                .or(() -> all.stream().filter(d -> taggedAs(tags(cloudFront, d.arn()), stack)).findFirst());
    }

    /** The distribution's tags (ListTagsForResource); none when CloudFront answers without a tag set. */
    public static Map<String, String> tags(CloudFrontClient cloudFront, String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        var set = cloudFront.listTagsForResource(r -> r.resource(arn)).tags();
        if (set != null && set.items() != null) {
            set.items().forEach(t -> tags.put(t.key(), t.value()));
        }
        return tags;
    }

    /** The distribution's aliases ({@code app.<domain>}), none when it has no Aliases element or no Items. */
    public static List<String> aliases(DistributionSummary summary) {
        return summary.aliases() == null || summary.aliases().items() == null ? List.of() : summary.aliases().items();
    }

    private static boolean taggedAs(Map<String, String> tags, String stack) {
        return stack.equals(tags.get(Tags.STACK)) && ROLE.equals(tags.get(Tags.ROLE));
    }
}
