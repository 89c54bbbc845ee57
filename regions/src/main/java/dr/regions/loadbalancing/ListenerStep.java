package dr.regions.loadbalancing;

import dr.regions.aws.AwsTags;
import dr.regions.topology.Tier;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A listener of a tier's load balancer forwarding everything to the tier's target group: HTTP:80 always, HTTPS:443
 * with the region's ACM certificate when the stack has a domain. Found by its port on the load balancer; a listener
 * whose default action, certificate or TLS policy drifted is modified back.
 *
 * <p>HTTP keeps forwarding even when HTTPS exists, rather than redirecting to HTTPS: CloudFront reaches the web
 * origins over HTTP by default (the ALB's DNS name matches no certificate), and the Route 53 health check probes the
 * app load balancer over HTTP. Viewers get HTTPS at CloudFront, and {@code api.<domain>} on this HTTPS listener.
 */
public final class ListenerStep extends EnsureStep {
    /** The console's default and AWS's recommendation for new listeners: TLS 1.3, and TLS 1.2 for older clients. */
    static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private final RegionTarget target;
    private final Tier tier;
    private final ListenerProtocol protocol;
    private Listener seen;

    private ListenerStep(RegionTarget target, Tier tier, ListenerProtocol protocol) {
        super(target.key(LoadBalancingRoles.listener(tier, protocol)), dependencies(target, tier, protocol),
                "AWS::ElasticLoadBalancingV2::Listener", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.tier = tier;
        this.protocol = protocol;
    }

    public static ListenerStep http(RegionTarget target, Tier tier) {
        return new ListenerStep(target, tier, ListenerProtocol.HTTP);
    }

    /** Needs the region's certificate step ({@code <region>/certificate}, output {@code arn}) in the plan. */
    public static ListenerStep https(RegionTarget target, Tier tier) {
        return new ListenerStep(target, tier, ListenerProtocol.HTTPS);
    }

    private static List<StepKey> dependencies(RegionTarget target, Tier tier, ListenerProtocol protocol) {
        List<StepKey> keys = new ArrayList<>();
        keys.add(target.key(LoadBalancingRoles.loadBalancer(tier)));
        keys.add(target.key(LoadBalancingRoles.targetGroup(tier)));
        if (protocol == ListenerProtocol.HTTPS) {
            keys.add(target.key(LoadBalancingRoles.CERTIFICATE));
        }
        return keys;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String loadBalancerArn = context.require(target.key(LoadBalancingRoles.loadBalancer(tier)), "arn");
        seen = elb().describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn)).listeners().stream()
                .filter(l -> Objects.equals(l.port(), protocol.port()))
                .findFirst().orElse(null);
        return Optional.ofNullable(seen).map(Listener::listenerArn);
    }

    @Override
    protected String create(StepContext context) {
        String loadBalancerArn = context.require(target.key(LoadBalancingRoles.loadBalancer(tier)), "arn");
        seen = elb().createListener(r -> {
            r.loadBalancerArn(loadBalancerArn)
                    .protocol(protocol.protocol())
                    .port(protocol.port())
                    .defaultActions(forward(context))
                    .tags(AwsTags.elb(target.tags(LoadBalancingRoles.listener(tier, protocol))));
            if (protocol == ListenerProtocol.HTTPS) {
                r.certificates(certificate(context)).sslPolicy(TLS_POLICY);
            }
        }).listeners().get(0);
        return seen.listenerArn();
    }

    @Override
    protected boolean converge(StepContext context, String arn) {
        boolean forwards = forwardedTo(seen.defaultActions()).equals(List.of(targetGroupArn(context)));
        boolean secured = protocol == ListenerProtocol.HTTP
                || (Objects.equals(seen.sslPolicy(), TLS_POLICY) && seen.certificates().size() == 1
                && certificate(context).certificateArn().equals(seen.certificates().get(0).certificateArn()));
        boolean right = Objects.equals(seen.protocolAsString(), protocol.protocol().toString());
        if (forwards && secured && right) {
            return false;
        }
        seen = elb().modifyListener(r -> {
            r.listenerArn(arn).protocol(protocol.protocol()).defaultActions(forward(context));
            if (protocol == ListenerProtocol.HTTPS) {
                r.certificates(certificate(context)).sslPolicy(TLS_POLICY);
            }
        }).listeners().get(0);
        return true;
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String arn) {
        return Map.of("id", arn, "arn", arn);
    }

    private Action forward(StepContext context) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn(context)).build();
    }

    private String targetGroupArn(StepContext context) {
        return context.require(target.key(LoadBalancingRoles.targetGroup(tier)), "arn");
    }

    private Certificate certificate(StepContext context) {
        return Certificate.builder()
                .certificateArn(context.require(target.key(LoadBalancingRoles.CERTIFICATE), "arn")).build();
    }

    /** The target groups a forward action sends to, in either of the shapes ELB reports. */
    private static List<String> forwardedTo(List<Action> actions) {
        List<String> arns = new ArrayList<>();
        for (Action action : actions) {
            if (!ActionTypeEnum.FORWARD.toString().equals(action.typeAsString())) {
                arns.add("not a forward: " + action.typeAsString());
            } else if (action.forwardConfig() != null && action.forwardConfig().hasTargetGroups()) {
                action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn).forEach(arns::add);
            } else {
                arns.add(action.targetGroupArn());
            }
        }
        return arns;
    }

    private ElasticLoadBalancingV2Client elb() {
        return target.clients().elb(target.region());
    }
}
