package dr.regions.edge;

import dr.core.engine.Action;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test stand-in for the load-balancing helper's {@code <region>/alb-<tier>} step: the ALB already exists (built by
 * {@link EdgeSandbox}); this step only finds it by name and gives the outputs the edge reads. Read-only, so every
 * mutating call of a run is the edge's.
 */
final class StandInLoadBalancerStep implements Step {
    private final AwsClients clients;
    private final String region;
    private final String role;
    private final String name;

    StandInLoadBalancerStep(AwsClients clients, String region, String role, String name) {
        this.clients = clients;
        this.region = region;
        this.role = role;
        this.name = name;
    }

    @Override
    public StepKey key() {
        return StepKey.of(region, role);
    }

    @Override
    public List<StepKey> dependsOn() {
        return List.of();
    }

    @Override
    public String resourceType() {
        return "AWS::ElasticLoadBalancingV2::LoadBalancer";
    }

    @Override
    public Duration estimate() {
        return Duration.ZERO;
    }

    @Override
    public StepResult execute(StepContext context) {
        LoadBalancer lb = clients.elb(region).describeLoadBalancers(r -> r.names(name)).loadBalancers().get(0);
        return StepResult.done(Action.KEEP, lb.loadBalancerArn(), Map.of("id", lb.loadBalancerArn(),
                "arn", lb.loadBalancerArn(), "dnsName", lb.dnsName(),
                "canonicalHostedZoneId", lb.canonicalHostedZoneId()));
    }
}
