package dr.regions.images;

import dr.regions.topology.Tier;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance a tier's golden image is taken from, in the primary region: the base Amazon Linux 2023 image, the
 * tier's instance type, security group and private subnet ("a" zone), and the tier's user data. It needs the
 * private route table in place: the user data installs packages through the NAT gateway. Ready once running and
 * its user data has had {@link ModeledDurations#BUILDER_USER_DATA} after boot to finish (EC2 gives no signal
 * that user data is done without an agent or an instance role; a builder whose user data ends by powering off
 * would give one, but the sandbox does not model instance-initiated shutdown).
 *
 * <p>Builders are kept after the images exist: the backup plan's selection (their ARNs, and only theirs) backs
 * them up daily and copies them to the DR vault (the seed guide's scheme), re-baking is one backup job away, the
 * image steps find their recovery points by the builder's ARN, and two small instances cost little next to the NAT
 * gateways and the Multi-AZ database. An operator may stop them; dr treats a stopped builder as present.
 */
public final class BuilderInstanceStep extends EnsureStep {
    /** Cloud-init runs the user data once the instance has booted: usable that long after launch. */
    private static final Duration SETTLE = ModeledDurations.INSTANCE_BOOT.plus(ModeledDurations.BUILDER_USER_DATA);

    private final RegionTarget target;
    private final Tier tier;
    private Instance seen;

    public BuilderInstanceStep(RegionTarget target, Tier tier) {
        super(target.key(tier.builderRole()),
                List.of(target.key(tier.subnetRole()), target.key(tier.securityGroupRole()),
                        target.key(NetworkRoles.privateRoutes(0))),
                "AWS::EC2::Instance", SETTLE);
        this.target = target;
        this.tier = tier;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<Instance> found = Instances.findLive(ec2(), target.stack(), tier.builderRole());
        found.ifPresent(i -> seen = i);
        return found.map(Instance::instanceId);
    }

    @Override
    protected String create(StepContext context) {
        seen = Instances.launch(ec2(), target.region(), target.tags(tier.builderRole()), r -> r
                .instanceType(tier.instanceType(target.spec()))
                .subnetId(context.require(target.key(tier.subnetRole()), "id"))
                .securityGroupIds(context.require(target.key(tier.securityGroupRole()), "id"))
                .userData(UserData.encode(UserData.forTier(tier, target.spec()))));
        return seen.instanceId();
    }

    @Override
    protected ResourceState readiness(StepContext context, String instanceId) {
        ResourceState readiness = Instances.readiness(seen, context.clock(), SETTLE);
        if (readiness.state() == ResourceState.State.WAITING) {
            seen = Instances.require(ec2(), instanceId);
            readiness = Instances.readiness(seen, context.clock(), SETTLE);
        }
        return readiness;
    }

    /** {@code id}, and {@code arn}, which AWS Backup takes as the resource to back up. */
    @Override
    protected Map<String, String> outputs(StepContext context, String instanceId) {
        String account = context.require(target.key(NetworkRoles.VPC), "account");
        return Map.of("id", instanceId, "arn", Instances.arn(target.region(), account, instanceId));
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
