package dr.regions.inmemory.wafv2;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import dr.regions.inmemory.world.Wafv2State;
import dr.regions.inmemory.world.Wafv2State.ManagedRuleGroup;
import dr.regions.inmemory.world.Wafv2State.RateLimit;
import dr.regions.inmemory.world.Wafv2State.Rule;
import dr.regions.inmemory.world.Wafv2State.Visibility;
import dr.regions.inmemory.world.Wafv2State.WebAcl;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.wafv2.model.AllowAction;
import software.amazon.awssdk.services.wafv2.model.BlockAction;
import software.amazon.awssdk.services.wafv2.model.CaptchaAction;
import software.amazon.awssdk.services.wafv2.model.ChallengeAction;
import software.amazon.awssdk.services.wafv2.model.CountAction;
import software.amazon.awssdk.services.wafv2.model.DefaultAction;
import software.amazon.awssdk.services.wafv2.model.ExcludedRule;
import software.amazon.awssdk.services.wafv2.model.ManagedRuleGroupStatement;
import software.amazon.awssdk.services.wafv2.model.NoneAction;
import software.amazon.awssdk.services.wafv2.model.OverrideAction;
import software.amazon.awssdk.services.wafv2.model.ParameterExceptionField;
import software.amazon.awssdk.services.wafv2.model.RateBasedStatement;
import software.amazon.awssdk.services.wafv2.model.RuleAction;
import software.amazon.awssdk.services.wafv2.model.RuleActionOverride;
import software.amazon.awssdk.services.wafv2.model.Statement;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;
import software.amazon.awssdk.services.wafv2.model.WebACL;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Web ACL parts (SDK) ↔ state, with the validation WAF does on them: visibility configs, one statement per
 * rule, action vs override action, the rate limit's range (10 to 2,000,000,000 since August 2024, AWS What's
 * New "AWS WAF enhances rate-based rules to support lower rate limits"), known AWS managed rule groups, and
 * the web ACL capacity limit (5,000 WCUs). Statements dr does not use are refused as not modeled.
 */
final class WebAclMapper {
    static final long MIN_RATE_LIMIT = 10;
    static final long MAX_RATE_LIMIT = 2_000_000_000L;
    static final long MAX_CAPACITY = 5_000;
    private static final long RATE_BASED_WCU = 2;
    private static final Set<Long> EVALUATION_WINDOWS = Set.of(60L, 120L, 300L, 600L);
    private static final Set<String> AGGREGATE_KEYS = Set.of("IP", "FORWARDED_IP", "CONSTANT");
    private static final Pattern NAME = Pattern.compile("[\\w-]{1,128}");
    private static final Pattern METRIC_NAME = Pattern.compile("[\\w#:.\\-/]{1,255}");
    /** AWS managed rule groups and their WCUs (WAF Developer Guide, "AWS Managed Rules rule groups list"). */
    static final Map<String, Long> AWS_MANAGED_GROUPS = Map.ofEntries(
            Map.entry("AWSManagedRulesCommonRuleSet", 700L),
            Map.entry("AWSManagedRulesAdminProtectionRuleSet", 100L),
            Map.entry("AWSManagedRulesKnownBadInputsRuleSet", 200L),
            Map.entry("AWSManagedRulesSQLiRuleSet", 200L),
            Map.entry("AWSManagedRulesLinuxRuleSet", 200L),
            Map.entry("AWSManagedRulesUnixRuleSet", 100L),
            Map.entry("AWSManagedRulesWindowsRuleSet", 200L),
            Map.entry("AWSManagedRulesPHPRuleSet", 100L),
            Map.entry("AWSManagedRulesWordPressRuleSet", 100L),
            Map.entry("AWSManagedRulesAmazonIpReputationList", 25L),
            Map.entry("AWSManagedRulesAnonymousIpList", 50L),
            Map.entry("AWSManagedRulesBotControlRuleSet", 50L));

    private WebAclMapper() {
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw validation("name", name, "Member must satisfy regular expression pattern: ^[\\w\\-]+$");
        }
    }

    static String defaultAction(DefaultAction in) {
        if (in == null || (in.allow() == null) == (in.block() == null)) {
            throw WafErrors.invalidParameter(ParameterExceptionField.DEFAULT_ACTION, "DefaultAction",
                    "You have used none or multiple values for a field that requires exactly one value.");
        }
        return in.allow() != null ? "ALLOW" : "BLOCK";
    }

    static Visibility visibility(VisibilityConfig in, String where) {
        if (in == null || in.metricName() == null || in.sampledRequestsEnabled() == null
                || in.cloudWatchMetricsEnabled() == null) {
            throw validation(where + ".visibilityConfig", null, "Member must not be null");
        }
        if (!METRIC_NAME.matcher(in.metricName()).matches()) {
            throw WafErrors.invalidParameter(ParameterExceptionField.METRIC_NAME, in.metricName(),
                    "The metric name is not valid.");
        }
        Visibility visibility = new Visibility();
        visibility.metricName = in.metricName();
        visibility.sampledRequestsEnabled = in.sampledRequestsEnabled();
        visibility.cloudWatchMetricsEnabled = in.cloudWatchMetricsEnabled();
        return visibility;
    }

    static List<Rule> rules(List<software.amazon.awssdk.services.wafv2.model.Rule> in) {
        Set<String> names = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        List<Rule> rules = in.stream().map(WebAclMapper::rule).toList();
        for (Rule rule : rules) {
            if (!names.add(rule.name)) {
                throw WafErrors.invalidParameter(ParameterExceptionField.RULE, rule.name,
                        "A rule with this name already exists in the web ACL.");
            }
            if (!priorities.add(rule.priority)) {
                throw WafErrors.invalidParameter(ParameterExceptionField.RULE, rule.name,
                        "A rule with this priority already exists in the web ACL.");
            }
        }
        if (capacity(rules) > MAX_CAPACITY) {
            throw WafErrors.limitsExceeded("the web ACL needs " + capacity(rules) + " WCUs, the maximum is "
                    + MAX_CAPACITY + ".");
        }
        return rules;
    }

    static long capacity(List<Rule> rules) {
        return rules.stream()
                .mapToLong(r -> r.managedRuleGroup != null ? AWS_MANAGED_GROUPS.get(r.managedRuleGroup.name)
                        : RATE_BASED_WCU)
                .sum();
    }

    private static Rule rule(software.amazon.awssdk.services.wafv2.model.Rule in) {
        checkName(in.name());
        if (in.priority() == null || in.priority() < 0) {
            throw validation("rule.priority", in.priority(), "Member must have value greater than or equal to 0");
        }
        Rule rule = new Rule();
        rule.name = in.name();
        rule.priority = in.priority();
        rule.visibility = visibility(in.visibilityConfig(), "rule");
        Statement statement = in.statement();
        if (statement == null) {
            throw validation("rule.statement", null, "Member must not be null");
        }
        if (statement.managedRuleGroupStatement() != null) {
            rule.managedRuleGroup = managedRuleGroup(statement.managedRuleGroupStatement());
            if (in.overrideAction() == null || in.action() != null) {
                throw WafErrors.invalidParameter(ParameterExceptionField.OVERRIDE_ACTION, rule.name,
                        "A rule that references a rule group must have an OverrideAction and no Action.");
            }
            rule.overrideAction = in.overrideAction().count() != null ? "COUNT" : "NONE";
        } else if (statement.rateBasedStatement() != null) {
            rule.rateLimit = rateLimit(statement.rateBasedStatement(), rule.name);
            if (in.action() == null || in.overrideAction() != null) {
                throw WafErrors.invalidParameter(ParameterExceptionField.RULE_ACTION, rule.name,
                        "A rule with its own statement must have an Action and no OverrideAction.");
            }
            rule.action = action(in.action());
        } else {
            throw new UnsupportedOperationException("only managed rule group and rate-based statements are modeled"
                    + " by the in-memory WAF (rule " + rule.name + ")");
        }
        return rule;
    }

    private static ManagedRuleGroup managedRuleGroup(ManagedRuleGroupStatement in) {
        if (!"AWS".equals(in.vendorName()) || !AWS_MANAGED_GROUPS.containsKey(in.name())) {
            throw WafErrors.invalidParameter(ParameterExceptionField.MANAGED_RULE_SET_STATEMENT,
                    in.vendorName() + ":" + in.name(), "The managed rule group is not valid.");
        }
        if (in.scopeDownStatement() != null || !in.managedRuleGroupConfigs().isEmpty()) {
            throw new UnsupportedOperationException("scope-down statements and managed rule group configs are not"
                    + " modeled by the in-memory WAF");
        }
        ManagedRuleGroup group = new ManagedRuleGroup();
        group.vendorName = in.vendorName();
        group.name = in.name();
        group.version = in.version();
        in.excludedRules().forEach(e -> group.excludedRules.add(e.name()));
        for (RuleActionOverride override : in.ruleActionOverrides()) {
            group.ruleActionOverrides.put(override.name(), action(override.actionToUse()));
        }
        return group;
    }

    private static RateLimit rateLimit(RateBasedStatement in, String ruleName) {
        if (in.limit() == null || in.limit() < MIN_RATE_LIMIT || in.limit() > MAX_RATE_LIMIT) {
            throw WafErrors.invalidParameter(ParameterExceptionField.RATE_BASED_STATEMENT,
                    String.valueOf(in.limit()), "The rate limit must be between " + MIN_RATE_LIMIT + " and "
                            + MAX_RATE_LIMIT + " (rule " + ruleName + ").");
        }
        String key = in.aggregateKeyTypeAsString();
        if (key == null || !AGGREGATE_KEYS.contains(key)) {
            throw WafErrors.invalidParameter(ParameterExceptionField.RATE_BASED_STATEMENT, String.valueOf(key),
                    "The aggregate key type is not valid or not modeled.");
        }
        if (key.equals("FORWARDED_IP") && in.forwardedIPConfig() == null) {
            throw WafErrors.invalidParameter(ParameterExceptionField.FORWARDED_IP_CONFIG, "ForwardedIPConfig",
                    "A FORWARDED_IP aggregate key needs a ForwardedIPConfig.");
        }
        if (in.scopeDownStatement() != null) {
            throw new UnsupportedOperationException("scope-down statements are not modeled by the in-memory WAF");
        }
        long window = in.evaluationWindowSec() == null ? 300 : in.evaluationWindowSec();
        if (!EVALUATION_WINDOWS.contains(window)) {
            throw WafErrors.invalidParameter(ParameterExceptionField.RATE_BASED_STATEMENT, String.valueOf(window),
                    "The evaluation window must be 60, 120, 300 or 600 seconds.");
        }
        RateLimit limit = new RateLimit();
        limit.limit = in.limit();
        limit.aggregateKeyType = key;
        limit.evaluationWindowSec = window;
        return limit;
    }

    private static String action(RuleAction in) {
        int set = (in.allow() != null ? 1 : 0) + (in.block() != null ? 1 : 0) + (in.count() != null ? 1 : 0)
                + (in.captcha() != null ? 1 : 0) + (in.challenge() != null ? 1 : 0);
        if (set != 1) {
            throw WafErrors.invalidParameter(ParameterExceptionField.RULE_ACTION, "Action",
                    "You have used none or multiple values for a field that requires exactly one value.");
        }
        return in.allow() != null ? "ALLOW" : in.block() != null ? "BLOCK" : in.count() != null ? "COUNT"
                : in.captcha() != null ? "CAPTCHA" : "CHALLENGE";
    }

    static WebACL toSdk(WebAcl acl) {
        return WebACL.builder()
                .name(acl.name)
                .id(acl.id)
                .arn(acl.arn)
                .description(acl.description)
                .defaultAction(acl.defaultAction.equals("ALLOW")
                        ? DefaultAction.builder().allow(AllowAction.builder().build()).build()
                        : DefaultAction.builder().block(BlockAction.builder().build()).build())
                .rules(acl.rules.stream().map(WebAclMapper::toSdk).toList())
                .visibilityConfig(toSdk(acl.visibility))
                .capacity(capacity(acl.rules))
                .managedByFirewallManager(false)
                .labelNamespace("awswaf:" + dr.regions.inmemory.world.World.ACCOUNT_ID + ":webacl:" + acl.name + ":")
                .build();
    }

    private static software.amazon.awssdk.services.wafv2.model.Rule toSdk(Rule rule) {
        var out = software.amazon.awssdk.services.wafv2.model.Rule.builder()
                .name(rule.name)
                .priority(rule.priority)
                .visibilityConfig(toSdk(rule.visibility));
        if (rule.managedRuleGroup != null) {
            ManagedRuleGroup group = rule.managedRuleGroup;
            out.statement(Statement.builder().managedRuleGroupStatement(ManagedRuleGroupStatement.builder()
                    .vendorName(group.vendorName)
                    .name(group.name)
                    .version(group.version)
                    .excludedRules(group.excludedRules.stream().map(n -> ExcludedRule.builder().name(n).build())
                            .toList())
                    .ruleActionOverrides(group.ruleActionOverrides.entrySet().stream()
                            .map(e -> RuleActionOverride.builder().name(e.getKey())
                                    .actionToUse(ruleAction(e.getValue())).build())
                            .toList())
                    .build()).build());
            out.overrideAction(rule.overrideAction.equals("COUNT")
                    ? OverrideAction.builder().count(CountAction.builder().build()).build()
                    : OverrideAction.builder().none(NoneAction.builder().build()).build());
        } else {
            out.statement(Statement.builder().rateBasedStatement(RateBasedStatement.builder()
                    .limit(rule.rateLimit.limit)
                    .aggregateKeyType(rule.rateLimit.aggregateKeyType)
                    .evaluationWindowSec(rule.rateLimit.evaluationWindowSec)
                    .build()).build());
            out.action(ruleAction(rule.action));
        }
        return out.build();
    }

    private static RuleAction ruleAction(String action) {
        return switch (action) {
            case "ALLOW" -> RuleAction.builder().allow(AllowAction.builder().build()).build();
            case "BLOCK" -> RuleAction.builder().block(BlockAction.builder().build()).build();
            case "COUNT" -> RuleAction.builder().count(CountAction.builder().build()).build();
            case "CAPTCHA" -> RuleAction.builder().captcha(CaptchaAction.builder().build()).build();
            default -> RuleAction.builder().challenge(ChallengeAction.builder().build()).build();
        };
    }

    private static VisibilityConfig toSdk(Visibility visibility) {
        return VisibilityConfig.builder()
                .metricName(visibility.metricName)
                .sampledRequestsEnabled(visibility.sampledRequestsEnabled)
                .cloudWatchMetricsEnabled(visibility.cloudWatchMetricsEnabled)
                .build();
    }

    private static AwsServiceException validation(String member, Object value, String constraint) {
        return Service.WAFV2.badRequest("ValidationException", ValidationMessage.of(member, value, constraint));
    }
}
