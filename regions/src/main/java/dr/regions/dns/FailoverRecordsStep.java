package dr.regions.dns;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.Arrays;
import java.util.List;

/**
 * {@code api.<domain>}: a failover pair of A aliases to the app load balancers. PRIMARY → the primary region's ALB
 * with the health check, SECONDARY → the DR region's ALB; both evaluate target health, so an ALB without a healthy
 * target also counts as down. Route 53 answers with the SECONDARY once the health check has failed
 * {@link HealthCheckStep#detectionTime()} long. After the records name the current health check, this stack's
 * older checks (replaced because their interval changed) are deleted.
 */
public final class FailoverRecordsStep extends AliasRecordStep {
    public static final String ROLE = "api-record";
    public static final StepKey KEY = StepKey.global(ROLE);

    private final StackSpec spec;
    private final boolean pinnedToDr;

    public FailoverRecordsStep(StackSpec spec, AwsClients clients) {
        this(spec, clients, false);
    }

    /**
     * {@code pinnedToDr}: the records promote-replica's fence leaves ({@code ApiRecordsFence}), found again by {@link ApiRecords}: the PRIMARY record
     * names the DR app load balancer too, without the health check, so Route 53 answers DR whatever it sees.
     */
    public FailoverRecordsStep(StackSpec spec, AwsClients clients, boolean pinnedToDr) {
        super(KEY, List.of(HealthCheckStep.KEY, appLoadBalancer(spec, spec.primaryRegion()),
                appLoadBalancer(spec, spec.drRegion())), clients, spec.domain(), spec.apiRecordName(), RRType.A);
        this.spec = spec;
        this.pinnedToDr = pinnedToDr;
    }

    private static StepKey appLoadBalancer(StackSpec spec, String region) {
        return StepKey.of(region, LoadBalancingRoles.loadBalancer(Tier.APP));
    }

    @Override
    protected List<ResourceRecordSet> wanted(StepContext context) {
        String healthCheck = context.require(HealthCheckStep.KEY, "id");
        if (pinnedToDr) {
            return List.of(
                    pointAt(context, spec.drRegion(), ApiRecords.setIdentifier(spec.stack(), true), "PRIMARY", null),
                    pointAt(context, spec.drRegion(), ApiRecords.setIdentifier(spec.stack(), false), "SECONDARY",
                            null));
        }
        return List.of(
                pointAt(context, spec.primaryRegion(), ApiRecords.setIdentifier(spec.stack(), true), "PRIMARY",
                        healthCheck),
                pointAt(context, spec.drRegion(), ApiRecords.setIdentifier(spec.stack(), false), "SECONDARY", null));
    }

    private ResourceRecordSet pointAt(StepContext context, String region, String setIdentifier, String failover,
                                      String healthCheck) {
        StepKey alb = appLoadBalancer(spec, region);
        return alias(spec.apiRecordName(), RRType.A, setIdentifier, failover, healthCheck,
                context.require(alb, "dnsName"), context.require(alb, "canonicalHostedZoneId"), true);
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        boolean changed = super.converge(context, id);
        List<String> stale = Arrays.stream(context.require(HealthCheckStep.KEY, "stale").split(","))
                .filter(s -> !s.isBlank()).toList();
        for (String old : stale) {
            if (exists(old)) {
                route53().deleteHealthCheck(r -> r.healthCheckId(old));
                changed = true;
            }
        }
        return changed;
    }

    private boolean exists(String healthCheckId) {
        try {
            route53().getHealthCheck(r -> r.healthCheckId(healthCheckId));
            return true;
        } catch (NoSuchHealthCheckException gone) {
            return false;
        }
    }
}
