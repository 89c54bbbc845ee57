package dr.regions.firewall;

import software.amazon.awssdk.services.wafv2.model.ManagedRuleGroupStatement;
import software.amazon.awssdk.services.wafv2.model.OverrideAction;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.RuleAction;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rules of the stack's web ACL, and how to tell whether a web ACL still has exactly them. In priority order:
 * a rate-based rule first, so it counts every request (2,000 requests per IP in 5 minutes, then block: well above a
 * browser's use of a small app, well below a scripted flood), then the AWS managed rule groups: IP reputation (cheap,
 * drops known bad sources early), the common rule set (OWASP-style exploits) and known bad inputs (Log4j, etc.).
 * Managed groups run with override action none: their own block actions apply.
 */
public final class WebAclRules {
    public static final String RATE_RULE = "rate-limit-per-ip";
    public static final long RATE_LIMIT = 2_000;
    public static final long RATE_WINDOW_SECONDS = 300;
    public static final List<String> MANAGED_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet");

    private WebAclRules() {
    }

    public static List<Rule> rules(String stack) {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.builder()
                .name(RATE_RULE)
                .priority(0)
                .statement(s -> s.rateBasedStatement(RateBasedStatement.builder().limit(RATE_LIMIT)
                        .aggregateKeyType("IP").evaluationWindowSec(RATE_WINDOW_SECONDS).build()))
                .action(RuleAction.builder().block(b -> { }).build())
                .visibilityConfig(visibility(stack + "-" + RATE_RULE))
                .build());
        int priority = 1;
        for (String group : MANAGED_GROUPS) {
            rules.add(Rule.builder()
                    .name("AWS-" + group)
                    .priority(priority++)
                    .statement(s -> s.managedRuleGroupStatement(ManagedRuleGroupStatement.builder()
                            .vendorName("AWS").name(group).build()))
                    .overrideAction(OverrideAction.builder().none(n -> { }).build())
                    .visibilityConfig(visibility(stack + "-" + group))
                    .build());
        }
        return rules;
    }

    /** Sampled requests and CloudWatch metrics on: what an operator needs to see why a request was blocked. */
    public static VisibilityConfig visibility(String metricName) {
        return VisibilityConfig.builder().metricName(metricName).sampledRequestsEnabled(true)
                .cloudWatchMetricsEnabled(true).build();
    }

    /** Whether {@code actual} has the same rules as {@code wanted}, whatever extra fields AWS fills in. */
    public static boolean same(List<Rule> wanted, List<Rule> actual) {
        return shapes(wanted).equals(shapes(actual));
    }

    public static boolean sameVisibility(VisibilityConfig a, VisibilityConfig b) {
        return a != null && b != null && Objects.equals(a.metricName(), b.metricName())
                && Objects.equals(a.sampledRequestsEnabled(), b.sampledRequestsEnabled())
                && Objects.equals(a.cloudWatchMetricsEnabled(), b.cloudWatchMetricsEnabled());
    }

    private static List<Shape> shapes(List<Rule> rules) {
        return rules.stream().map(Shape::of).sorted(Comparator.comparing(Shape::name)).toList();
    }

    /** The parts of a rule dr sets. */
    private record Shape(String name, Integer priority, String visibilityMetric, Boolean sampled, Boolean metrics,
                         String action, String overrideAction, String vendor, String group, String version,
                         List<String> excluded, int overrides, Long limit, String aggregateKey, Long window) {
        static Shape of(Rule rule) {
            ManagedRuleGroupStatement group = rule.statement() == null ? null
                    : rule.statement().managedRuleGroupStatement();
            RateBasedStatement rate = rule.statement() == null ? null : rule.statement().rateBasedStatement();
            VisibilityConfig visibility = rule.visibilityConfig();
            return new Shape(rule.name(), rule.priority(),
                    visibility == null ? null : visibility.metricName(),
                    visibility == null ? null : visibility.sampledRequestsEnabled(),
                    visibility == null ? null : visibility.cloudWatchMetricsEnabled(),
                    action(rule.action()),
                    rule.overrideAction() == null ? null : rule.overrideAction().count() != null ? "COUNT" : "NONE",
                    group == null ? null : group.vendorName(),
                    group == null ? null : group.name(),
                    group == null ? null : group.version(),
                    group == null ? List.of() : group.excludedRules().stream().map(e -> e.name()).sorted().toList(),
                    group == null ? 0 : group.ruleActionOverrides().size()
                            + (group.scopeDownStatement() != null ? 1 : 0),
                    rate == null ? null : rate.limit(),
                    rate == null ? null : rate.aggregateKeyTypeAsString(),
                    rate == null ? null : rate.evaluationWindowSec() == null ? 300L : rate.evaluationWindowSec());
        }

        private static String action(RuleAction action) {
            if (action == null) {
                return null;
            }
            return action.block() != null ? "BLOCK" : action.allow() != null ? "ALLOW"
                    : action.count() != null ? "COUNT" : action.captcha() != null ? "CAPTCHA" : "CHALLENGE";
        }
    }
}
