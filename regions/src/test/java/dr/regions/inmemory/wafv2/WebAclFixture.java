package dr.regions.inmemory.wafv2;

import software.amazon.awssdk.services.wafv2.model.CreateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.Rule;

/** Web ACL requests shaped like dr's, for the WAF and CloudFront tests. */
public final class WebAclFixture {
    private WebAclFixture() {
    }

    /** The web ACL dr builds: AWS managed groups and a rate-based rule, default allow. */
    public static CreateWebAclRequest.Builder drWebAcl(String name, String scope, long rateLimit) {
        return CreateWebAclRequest.builder()
                .name(name)
                .scope(scope)
                .defaultAction(a -> a.allow(b -> { }))
                .visibilityConfig(v -> v.metricName(name).sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true))
                .rules(managed("common", 0, "AWSManagedRulesCommonRuleSet"),
                        managed("bad-inputs", 1, "AWSManagedRulesKnownBadInputsRuleSet"),
                        managed("ip-reputation", 2, "AWSManagedRulesAmazonIpReputationList"),
                        Rule.builder().name("rate").priority(3)
                                .statement(s -> s.rateBasedStatement(r -> r.limit(rateLimit).aggregateKeyType("IP")))
                                .action(a -> a.block(b -> { }))
                                .visibilityConfig(v -> v.metricName("rate").sampledRequestsEnabled(true)
                                        .cloudWatchMetricsEnabled(true))
                                .build());
    }

    public static Rule managed(String name, int priority, String group) {
        return Rule.builder().name(name).priority(priority)
                .statement(s -> s.managedRuleGroupStatement(m -> m.vendorName("AWS").name(group)))
                .overrideAction(o -> o.none(n -> { }))
                .visibilityConfig(v -> v.metricName(name).sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true))
                .build();
    }
}
