package dr.regions.aws;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * dr's tags (one map, see {@code dr.core.model.Tags}) as a service's tag list. Every SDK has its own {@code Tag} type of
 * the same key/value shape and no common supertype, so this is the one converter and each service names its builder.
 */
public final class AwsTags {
    private AwsTags() {
    }

    public static List<software.amazon.awssdk.services.ec2.model.Tag> ec2(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.rds.model.Tag> rds(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.rds.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag> elb(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.iam.model.Tag> iam(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.iam.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.acm.model.Tag> acm(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.acm.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.route53.model.Tag> route53(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.route53.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.cloudfront.model.Tag> cloudFront(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.cloudfront.model.Tag.builder()
                .key(key).value(value).build());
    }

    public static List<software.amazon.awssdk.services.wafv2.model.Tag> wafv2(Map<String, String> tags) {
        return of(tags, (key, value) -> software.amazon.awssdk.services.wafv2.model.Tag.builder()
                .key(key).value(value).build());
    }

    /** In the map's order, so a request lists tags the same way every run. */
    private static <T> List<T> of(Map<String, String> tags, BiFunction<String, String, T> tag) {
        return tags.entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
    }
}
