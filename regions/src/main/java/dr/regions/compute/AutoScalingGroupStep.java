package dr.regions.compute;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.Capacity;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.core.model.Tags;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.network.NetworkRoles;
import dr.regions.step.Deleting;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tier's Auto Scaling group: instances from the tier's launch template ({@code $Default} version) in the tier's two
 * private subnets, registered in the tier's target group and replaced when the load balancer's health check fails
 * (after a grace period for boot). Sized from the spec: the primary at full capacity, DR at warm-standby capacity.
 * Found by name; a size, launch template or health-check setting that drifted is set back to the spec. Ready when the
 * desired number of instances is InService.
 *
 * <p>The spec is the source of truth for size: promote-replica scales DR up to primary capacity, and a later
 * provision run brings it back to the spec's DR capacity. To keep DR at full size after a real failover, change the
 * DR capacity in the stack's config before provisioning again.
 */
public final class AutoScalingGroupStep extends EnsureStep {
    static final String HEALTH_CHECK_TYPE = "ELB";
    /** Seconds before ELB health counts: boot plus service start (the seed's user data waits up to 150 s). */
    static final int HEALTH_CHECK_GRACE_SECONDS = 300;
    static final String IN_SERVICE = "InService";
    /** The group's own Name and role describe the group; instances get theirs from the launch template. */
    private static final Set<String> NOT_PROPAGATED = Set.of(Tags.NAME, Tags.ROLE);

    private final RegionTarget target;
    private final Tier tier;
    private AutoScalingGroup seen;
    /** {@link #seen} as find read it, unchanged since: it answers the first readiness poll without a describe. */
    private boolean seenIsCurrent;

    public AutoScalingGroupStep(RegionTarget target, Tier tier) {
        super(target.key(ComputeRoles.autoScalingGroup(tier)), dependencies(target, tier),
                "AWS::AutoScaling::AutoScalingGroup", ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        this.target = target;
        this.tier = tier;
    }

    private static List<StepKey> dependencies(RegionTarget target, Tier tier) {
        List<StepKey> keys = new ArrayList<>();
        keys.add(target.key(ComputeRoles.launchTemplate(tier)));
        keys.add(target.key(LoadBalancingRoles.targetGroup(tier)));
        tier.subnets().forEach(s -> keys.add(target.key(NetworkRoles.subnet(s))));
        return keys;
    }

    String name() {
        return target.name(ComputeRoles.autoScalingGroup(tier));
    }

    @Override
    protected Optional<String> find(StepContext context) {
        seen = describe().orElse(null);
        seenIsCurrent = seen != null;
        return Optional.ofNullable(seen).map(AutoScalingGroup::autoScalingGroupName);
    }

    /** Treats "already exists" as found: a group created just before a crash may not be listed yet. */
    @Override
    protected String create(StepContext context) {
        Capacity capacity = capacity();
        try {
            autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(name())
                    .launchTemplate(launchTemplate(context))
                    .minSize(capacity.min())
                    .maxSize(capacity.max())
                    .desiredCapacity(capacity.desired())
                    .vpcZoneIdentifier(String.join(",", subnetIds(context)))
                    .targetGroupARNs(context.require(target.key(LoadBalancingRoles.targetGroup(tier)), "arn"))
                    .healthCheckType(HEALTH_CHECK_TYPE)
                    .healthCheckGracePeriod(HEALTH_CHECK_GRACE_SECONDS)
                    .tags(tags()));
            markCreatedByThisRun(context);
        } catch (AlreadyExistsException e) {
            // found after all: converge brings it to the spec
        }
        return name();
    }

    @Override
    protected boolean converge(StepContext context, String name) {
        if (createdByThisRun(context)) {
            return false;
        }
        if (seen == null) {
            seen = describe().orElseThrow(() -> new IllegalStateException("Auto Scaling group " + name
                    + " exists but is not listed"));
        }
        Capacity capacity = capacity();
        String templateId = context.require(target.key(ComputeRoles.launchTemplate(tier)), "id");
        boolean sized = seen.minSize() == capacity.min() && seen.maxSize() == capacity.max()
                && seen.desiredCapacity() == capacity.desired();
        boolean launches = seen.launchTemplate() != null
                && templateId.equals(seen.launchTemplate().launchTemplateId())
                && LaunchTemplateStep.DEFAULT_VERSION.equals(seen.launchTemplate().version());
        boolean checked = HEALTH_CHECK_TYPE.equals(seen.healthCheckType())
                && Objects.equals(seen.healthCheckGracePeriod(), HEALTH_CHECK_GRACE_SECONDS);
        if (sized && launches && checked) {
            return false;
        }
        seenIsCurrent = false;
        autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .minSize(capacity.min())
                .maxSize(capacity.max())
                .desiredCapacity(capacity.desired())
                .launchTemplate(launchTemplate(context))
                .healthCheckType(HEALTH_CHECK_TYPE)
                .healthCheckGracePeriod(HEALTH_CHECK_GRACE_SECONDS));
        return true;
    }

    @Override
    protected ResourceState readiness(StepContext context, String name) {
        if (!seenIsCurrent) {
            seen = describe().orElse(null);
        }
        seenIsCurrent = false;
        if (seen == null) {
            return ResourceState.waiting("not listed yet");
        }
        long inService = seen.instances().stream().map(Instance::lifecycleStateAsString)
                .filter(IN_SERVICE::equals).count();
        int desired = capacity().desired();
        return inService >= desired ? ResourceState.ready() : ResourceState.waiting(inService + "/" + desired + " InService");
    }

    /** {@code id} and {@code name} (the same: Auto Scaling addresses groups by name), and {@code arn}. */
    @Override
    protected Map<String, String> outputs(StepContext context, String name) {
        return Map.of("id", name, "name", name, "arn", seen.autoScalingGroupARN());
    }

    /** The group, unless it is being deleted (it then still shows, as "Delete in progress", for a while). */
    private Optional<AutoScalingGroup> describe() {
        return AutoScalingGroups.named(autoScaling(), name(), Deleting.ABSENT);
    }

    private Capacity capacity() {
        return target.spec().capacity(target.role());
    }

    private LaunchTemplateSpecification launchTemplate(StepContext context) {
        return LaunchTemplateSpecification.builder()
                .launchTemplateId(context.require(target.key(ComputeRoles.launchTemplate(tier)), "id"))
                .version(LaunchTemplateStep.DEFAULT_VERSION)
                .build();
    }

    private List<String> subnetIds(StepContext context) {
        List<String> ids = new ArrayList<>();
        for (SubnetRole subnet : tier.subnets()) {
            ids.add(context.require(target.key(NetworkRoles.subnet(subnet)), "id"));
        }
        return ids;
    }

    private List<Tag> tags() {
        return target.tags(ComputeRoles.autoScalingGroup(tier)).entrySet().stream()
                .map(e -> Tag.builder().resourceId(name()).resourceType("auto-scaling-group")
                        .key(e.getKey()).value(e.getValue())
                        .propagateAtLaunch(!NOT_PROPAGATED.contains(e.getKey())).build())
                .toList();
    }

    private AutoScalingClient autoScaling() {
        return target.clients().autoScaling(target.region());
    }
}
