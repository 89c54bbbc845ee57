package dr.regions.loadbalancing;

import dr.regions.aws.AwsTags;
import dr.regions.topology.Tier;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tier's target group: instances on HTTP:80, health-checked on the stack's health-check path every 10 seconds,
 * healthy or unhealthy after 2 checks (20 s instead of the default 5 x 30 s, so a replaced instance serves sooner and
 * a dead one leaves sooner). Found by its name, which ELB keeps unique per region and account.
 */
public final class TargetGroupStep extends EnsureStep {
    static final int PORT = 80;
    static final int HEALTH_CHECK_INTERVAL_SECONDS = 10;
    static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
    static final int HEALTH_CHECK_THRESHOLD = 2;
    static final String HEALTHY_CODES = "200";

    private final RegionTarget target;
    private final Tier tier;
    private TargetGroup seen;

    public TargetGroupStep(RegionTarget target, Tier tier) {
        super(target.key(LoadBalancingRoles.targetGroup(tier)), List.of(target.key(NetworkRoles.VPC)),
                "AWS::ElasticLoadBalancingV2::TargetGroup", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.tier = tier;
    }

    String name() {
        return ElbNames.of(target.stack(), LoadBalancingRoles.targetGroup(tier));
    }

    @Override
    protected Optional<String> find(StepContext context) {
        try {
            seen = elb().describeTargetGroups(r -> r.names(name())).targetGroups().stream().findFirst().orElse(null);
        } catch (TargetGroupNotFoundException e) {
            seen = null;
        }
        return Optional.ofNullable(seen).map(TargetGroup::targetGroupArn);
    }

    @Override
    protected String create(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        seen = elb().createTargetGroup(r -> r.name(name())
                        .protocol(ProtocolEnum.HTTP)
                        .port(PORT)
                        .vpcId(vpcId)
                        .targetType(TargetTypeEnum.INSTANCE)
                        .healthCheckProtocol(ProtocolEnum.HTTP)
                        .healthCheckPath(healthCheckPath())
                        .healthCheckIntervalSeconds(HEALTH_CHECK_INTERVAL_SECONDS)
                        .healthCheckTimeoutSeconds(HEALTH_CHECK_TIMEOUT_SECONDS)
                        .healthyThresholdCount(HEALTH_CHECK_THRESHOLD)
                        .unhealthyThresholdCount(HEALTH_CHECK_THRESHOLD)
                        .matcher(m -> m.httpCode(HEALTHY_CODES))
                        .tags(AwsTags.elb(target.tags(LoadBalancingRoles.targetGroup(tier)))))
                .targetGroups().get(0);
        return seen.targetGroupArn();
    }

    /** The health check is the part an operator tunes by hand and dr manages; the rest cannot change in place. */
    @Override
    protected boolean converge(StepContext context, String arn) {
        boolean current = Objects.equals(seen.healthCheckPath(), healthCheckPath())
                && Objects.equals(seen.healthCheckIntervalSeconds(), HEALTH_CHECK_INTERVAL_SECONDS)
                && Objects.equals(seen.healthCheckTimeoutSeconds(), HEALTH_CHECK_TIMEOUT_SECONDS)
                && Objects.equals(seen.healthyThresholdCount(), HEALTH_CHECK_THRESHOLD)
                && Objects.equals(seen.unhealthyThresholdCount(), HEALTH_CHECK_THRESHOLD)
                && seen.matcher() != null && HEALTHY_CODES.equals(seen.matcher().httpCode())
                && !Boolean.FALSE.equals(seen.healthCheckEnabled());
        if (current) {
            return false;
        }
        seen = elb().modifyTargetGroup(r -> r.targetGroupArn(arn)
                        .healthCheckEnabled(true)
                        .healthCheckPath(healthCheckPath())
                        .healthCheckIntervalSeconds(HEALTH_CHECK_INTERVAL_SECONDS)
                        .healthCheckTimeoutSeconds(HEALTH_CHECK_TIMEOUT_SECONDS)
                        .healthyThresholdCount(HEALTH_CHECK_THRESHOLD)
                        .unhealthyThresholdCount(HEALTH_CHECK_THRESHOLD)
                        .matcher(m -> m.httpCode(HEALTHY_CODES)))
                .targetGroups().get(0);
        return true;
    }

    /** {@code id} and {@code arn} (the same), and {@code name}. */
    @Override
    protected Map<String, String> outputs(StepContext context, String arn) {
        return Map.of("id", arn, "arn", arn, "name", seen.targetGroupName());
    }

    private String healthCheckPath() {
        return target.spec().healthCheckPath();
    }

    private ElasticLoadBalancingV2Client elb() {
        return target.clients().elb(target.region());
    }
}
