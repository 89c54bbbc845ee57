package dr.regions.promotion;

import dr.core.DrException;
import dr.regions.loadbalancing.ElbNames;
import dr.regions.loadbalancing.LoadBalancers;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The write freeze of a failback: every listener of the writer region's app load balancer answers every path with a
 * maintenance fixed response (503), from a listener rule ahead of the default forward; the unfreeze deletes exactly
 * those rules. Why the load balancer and not the app tier scaled to zero: writes reach the stack only through
 * {@code api.<domain>} and that load balancer (CloudFront's origin group carries no writes), a rule takes effect at
 * once and is undone at once, the instances stay warm (so a failed failback unfreezes without waiting for instances to
 * launch and pass health checks), and users get a clear "maintenance" answer rather than connection errors. Dr's own
 * {@code /_dr/region} rule keeps answering, so the region serving can still be seen. The rules are recognised by their
 * response body, which starts with {@link #MARKER}: a re-run finds them and adds none twice.
 */
public final class WriteFreeze {
    public static final String MARKER = "dr maintenance:";
    static final String STATUS = "503";

    private final PromotionTarget target;

    /** {@code target}'s {@code drRegion} names the region whose app load balancer takes the writes now. */
    public WriteFreeze(PromotionTarget target) {
        this.target = target;
    }

    /** Adds the maintenance rule where missing; the listeners it changed. */
    public List<String> freeze(String message) {
        List<String> changed = new ArrayList<>();
        for (Listener listener : listeners()) {
            List<Rule> rules = rules(listener);
            if (rules.stream().anyMatch(WriteFreeze::isMaintenance)) {
                continue;
            }
            elb().createRule(r -> r.listenerArn(listener.listenerArn()).priority(firstFreePriority(rules))
                    .conditions(RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values("/*"))
                            .build())
                    .actions(Action.builder().type(ActionTypeEnum.FIXED_RESPONSE)
                            .fixedResponseConfig(f -> f.statusCode(STATUS).contentType("text/plain")
                                    .messageBody(MARKER + " " + message))
                            .build()));
            changed.add(listener.protocolAsString() + ":" + listener.port());
        }
        return changed;
    }

    /** Deletes the maintenance rules; the listeners it changed. */
    public List<String> unfreeze() {
        List<String> changed = new ArrayList<>();
        for (Listener listener : listeners()) {
            for (Rule rule : rules(listener)) {
                if (isMaintenance(rule)) {
                    elb().deleteRule(r -> r.ruleArn(rule.ruleArn()));
                    changed.add(listener.protocolAsString() + ":" + listener.port());
                }
            }
        }
        return changed;
    }

    /** Whether any listener still has the maintenance rule. */
    public boolean frozen() {
        return listeners().stream().anyMatch(l -> rules(l).stream().anyMatch(WriteFreeze::isMaintenance));
    }

    public String loadBalancerName() {
        return ElbNames.of(target.stack(), LoadBalancingRoles.loadBalancer(Tier.APP));
    }

    private List<Listener> listeners() {
        String name = loadBalancerName();
        String arn = LoadBalancers.named(elb(), name).orElseThrow(() -> DrException.failed("the app load balancer "
                + name + " is missing in " + target.drRegion() + "; run dr provision")).loadBalancerArn();
        return elb().describeListenersPaginator(r -> r.loadBalancerArn(arn)).listeners().stream().toList();
    }

    private List<Rule> rules(Listener listener) {
        return elb().describeRulesPaginator(r -> r.listenerArn(listener.listenerArn())).rules().stream().toList();
    }

    private static boolean isMaintenance(Rule rule) {
        return !Boolean.TRUE.equals(rule.isDefault()) && rule.actions().stream()
                .anyMatch(a -> a.fixedResponseConfig() != null && a.fixedResponseConfig().messageBody() != null
                        && a.fixedResponseConfig().messageBody().startsWith(MARKER));
    }

    private static int firstFreePriority(List<Rule> rules) {
        Set<String> taken = new HashSet<>();
        rules.forEach(rule -> taken.add(rule.priority()));
        int priority = 1;
        while (taken.contains(Integer.toString(priority))) {
            priority++;
        }
        return priority;
    }

    private ElasticLoadBalancingV2Client elb() {
        return target.clients().elb(target.drRegion());
    }
}
