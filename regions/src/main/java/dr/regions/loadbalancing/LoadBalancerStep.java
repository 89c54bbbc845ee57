package dr.regions.loadbalancing;

import dr.regions.aws.AwsTags;
import dr.regions.topology.Tier;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tier's internet-facing Application Load Balancer in the two public subnets, behind the tier's load-balancer
 * security group; waits until {@code active}. Found by its name, unique per region and account. Its outputs are what
 * the edge needs: {@code dnsName} and {@code canonicalHostedZoneId} for Route 53 alias records and CloudFront origins,
 * {@code arn} for the health check and listeners.
 */
public final class LoadBalancerStep extends EnsureStep {
    private static final List<SubnetRole> SUBNETS = List.of(SubnetRole.PUBLIC_A, SubnetRole.PUBLIC_B);

    private final RegionTarget target;
    private final Tier tier;
    private LoadBalancer seen;

    public LoadBalancerStep(RegionTarget target, Tier tier) {
        super(target.key(LoadBalancingRoles.loadBalancer(tier)), dependencies(target, tier),
                "AWS::ElasticLoadBalancingV2::LoadBalancer", ModeledDurations.ALB_PROVISION);
        this.target = target;
        this.tier = tier;
    }

    /** The internet gateway too: ELB refuses an internet-facing load balancer in a VPC without one. */
    private static List<StepKey> dependencies(RegionTarget target, Tier tier) {
        return List.of(target.key(NetworkRoles.subnet(SubnetRole.PUBLIC_A)),
                target.key(NetworkRoles.subnet(SubnetRole.PUBLIC_B)),
                target.key(NetworkRoles.INTERNET_GATEWAY),
                target.key(tier.loadBalancerGroup().role()));
    }

    String name() {
        return ElbNames.of(target.stack(), LoadBalancingRoles.loadBalancer(tier));
    }

    @Override
    protected Optional<String> find(StepContext context) {
        seen = LoadBalancers.named(elb(), name()).orElse(null);
        return Optional.ofNullable(seen).map(LoadBalancer::loadBalancerArn);
    }

    @Override
    protected String create(StepContext context) {
        List<String> subnets = SUBNETS.stream()
                .map(s -> context.require(target.key(NetworkRoles.subnet(s)), "id")).toList();
        String securityGroup = context.require(target.key(tier.loadBalancerGroup().role()), "id");
        seen = elb().createLoadBalancer(r -> r.name(name())
                        .type(LoadBalancerTypeEnum.APPLICATION)
                        .scheme(LoadBalancerSchemeEnum.INTERNET_FACING)
                        .ipAddressType(IpAddressType.IPV4)
                        .subnets(subnets)
                        .securityGroups(securityGroup)
                        .tags(AwsTags.elb(target.tags(LoadBalancingRoles.loadBalancer(tier)))))
                .loadBalancers().get(0);
        return seen.loadBalancerArn();
    }

    @Override
    protected ResourceState readiness(StepContext context, String arn) {
        if (!isActive()) {
            seen = elb().describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().get(0);
        }
        return ResourceState.of(seen.state().codeAsString(), "active", "failed");
    }

    private boolean isActive() {
        return seen != null && seen.state() != null && "active".equals(seen.state().codeAsString());
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String arn) {
        return Map.of("id", arn, "arn", arn, "name", seen.loadBalancerName(), "dnsName", seen.dnsName(),
                "canonicalHostedZoneId", seen.canonicalHostedZoneId());
    }

    private ElasticLoadBalancingV2Client elb() {
        return target.clients().elb(target.region());
    }
}
