package dr.regions.edge;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.aws.AwsClients;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.step.EnsureStep;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

import java.util.List;
import java.util.Optional;

/**
 * Test stand-in for the load-balancing helper's HTTPS listener of a web ALB: HTTPS:443 with the region's
 * certificate ({@code <region>/certificate}), forwarding to the ALB's target group, with the {@code /_dr/region}
 * rule. With a domain the distribution reaches its origins over HTTPS, so the failover test needs it.
 */
final class StandInHttpsListenerStep extends EnsureStep {
    private final AwsClients clients;
    private final String region;
    private final StepKey loadBalancer;
    private final String targetGroupName;

    StandInHttpsListenerStep(AwsClients clients, String region, String loadBalancerRole, String targetGroupName) {
        super(StepKey.of(region, "listener-web-https"), List.of(StepKey.of(region, loadBalancerRole),
                StepKey.of(region, LoadBalancingRoles.CERTIFICATE)), "AWS::ElasticLoadBalancingV2::Listener",
                ModeledDurations.IMMEDIATE);
        this.clients = clients;
        this.region = region;
        this.loadBalancer = StepKey.of(region, loadBalancerRole);
        this.targetGroupName = targetGroupName;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String lb = context.require(loadBalancer, "arn");
        return elb().describeListeners(r -> r.loadBalancerArn(lb)).listeners().stream()
                .filter(l -> l.port() == 443).map(Listener::listenerArn).findFirst();
    }

    @Override
    protected String create(StepContext context) {
        String lb = context.require(loadBalancer, "arn");
        String certificate = context.require(StepKey.of(region, LoadBalancingRoles.CERTIFICATE), "arn");
        String targetGroup = elb().describeTargetGroups(r -> r.names(targetGroupName)).targetGroups().get(0)
                .targetGroupArn();
        return elb().createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                        .certificates(c -> c.certificateArn(certificate))
                        .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup)))
                .listeners().get(0).listenerArn();
    }

    @Override
    protected boolean converge(StepContext context, String listenerArn) {
        boolean hasRule = elb().describeRules(r -> r.listenerArn(listenerArn)).rules().stream()
                .anyMatch(rule -> rule.conditions().stream().anyMatch(c -> "path-pattern".equals(c.field())));
        if (hasRule) {
            return false;
        }
        elb().createRule(r -> r.listenerArn(listenerArn).priority(1)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values(
                        LoadBalancingRoles.REGION_PATH)))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                        .contentType("text/plain").messageBody(region))));
        return true;
    }

    private ElasticLoadBalancingV2Client elb() {
        return clients.elb(region);
    }
}
