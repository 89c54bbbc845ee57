package dr.regions.loadbalancing;

import dr.regions.aws.AwsTags;
import dr.regions.topology.Tier;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The listener rule that answers {@code GET /_dr/region} with the region's name (200, text/plain) without touching
 * the targets, so a drill or an operator's curl can see which region served a request through CloudFront or Route
 * 53. Found on its listener by its path condition. It takes the first free priority, normally 1: the path is dr's
 * own, so evaluating it before any other rule shadows nothing.
 */
public final class RegionRuleStep extends EnsureStep {
    static final String STATUS = "200";
    static final String CONTENT_TYPE = "text/plain";

    private final RegionTarget target;
    private final Tier tier;
    private final ListenerProtocol protocol;

    public RegionRuleStep(RegionTarget target, Tier tier, ListenerProtocol protocol) {
        super(target.key(LoadBalancingRoles.regionRule(tier, protocol)),
                List.of(target.key(LoadBalancingRoles.listener(tier, protocol))),
                "AWS::ElasticLoadBalancingV2::ListenerRule", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.tier = tier;
        this.protocol = protocol;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return rules(context).stream()
                .filter(rule -> !Boolean.TRUE.equals(rule.isDefault()) && matchesRegionPath(rule))
                .map(Rule::ruleArn)
                .findFirst();
    }

    @Override
    protected String create(StepContext context) {
        return elb().createRule(r -> r.listenerArn(listenerArn(context))
                        .priority(firstFreePriority(context))
                        .conditions(RuleCondition.builder().field("path-pattern")
                                .pathPatternConfig(p -> p.values(LoadBalancingRoles.REGION_PATH)).build())
                        .actions(Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                                .fixedResponseConfig(f -> f.statusCode(STATUS).contentType(CONTENT_TYPE)
                                        .messageBody(target.region()))
                                .build())
                        .tags(AwsTags.elb(target.tags(LoadBalancingRoles.regionRule(tier, protocol)))))
                .rules().get(0).ruleArn();
    }

    private int firstFreePriority(StepContext context) {
        Set<String> taken = new HashSet<>();
        rules(context).forEach(rule -> taken.add(rule.priority()));
        int priority = 1;
        while (taken.contains(Integer.toString(priority))) {
            priority++;
        }
        return priority;
    }

    private List<Rule> rules(StepContext context) {
        String listenerArn = listenerArn(context);
        return elb().describeRulesPaginator(r -> r.listenerArn(listenerArn)).rules().stream().toList();
    }

    private static boolean matchesRegionPath(Rule rule) {
        return rule.conditions().stream().anyMatch(c -> "path-pattern".equals(c.field())
                && (c.pathPatternConfig() != null ? c.pathPatternConfig().values() : c.values())
                .contains(LoadBalancingRoles.REGION_PATH));
    }

    private String listenerArn(StepContext context) {
        return context.require(target.key(LoadBalancingRoles.listener(tier, protocol)), "arn");
    }

    private ElasticLoadBalancingV2Client elb() {
        return target.clients().elb(target.region());
    }
}
