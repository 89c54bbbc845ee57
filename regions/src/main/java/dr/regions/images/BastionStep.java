package dr.regions.images;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bastion host in the primary region's {@code public-a} subnet, from the base Amazon Linux 2023 image, with
 * the bastion security group (SSH from the admin CIDR only). No key pair: AL2023 ships EC2 Instance Connect, so
 * an operator pushes a short-lived key ({@code aws ec2-instance-connect send-ssh-public-key}) instead of dr
 * handing out a long-lived one.
 */
public final class BastionStep extends EnsureStep {
    public static final String ROLE = "bastion";
    public static final String INSTANCE_TYPE = NetworkRoles.BASTION_INSTANCE_TYPE;

    private final RegionTarget target;
    private Instance seen;

    public BastionStep(RegionTarget target) {
        super(target.key(ROLE),
                List.of(target.key(NetworkRoles.subnet(SubnetRole.PUBLIC_A)), target.key(SecurityRoles.BASTION.role()),
                        target.key(NetworkRoles.PUBLIC_ROUTES)),
                "AWS::EC2::Instance", ModeledDurations.INSTANCE_BOOT);
        this.target = target;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<Instance> found = Instances.findLive(ec2(), target.stack(), ROLE);
        found.ifPresent(i -> seen = i);
        return found.map(Instance::instanceId);
    }

    @Override
    protected String create(StepContext context) {
        seen = Instances.launch(ec2(), target.region(), target.tags(ROLE), r -> r.instanceType(INSTANCE_TYPE)
                .subnetId(context.require(target.key(NetworkRoles.subnet(SubnetRole.PUBLIC_A)), "id"))
                .securityGroupIds(context.require(target.key(SecurityRoles.BASTION.role()), "id")));
        return seen.instanceId();
    }

    @Override
    protected ResourceState readiness(StepContext context, String instanceId) {
        ResourceState readiness = Instances.readiness(seen, context.clock(), Duration.ZERO);
        if (readiness.state() == ResourceState.State.WAITING) {
            seen = Instances.require(ec2(), instanceId);
            readiness = Instances.readiness(seen, context.clock(), Duration.ZERO);
        }
        return readiness;
    }

    /** {@code id}, and {@code publicIp} to connect to (absent while the bastion is stopped). */
    @Override
    protected Map<String, String> outputs(StepContext context, String instanceId) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", instanceId);
        if (seen.publicIpAddress() != null) {
            outputs.put("publicIp", seen.publicIpAddress());
        }
        return outputs;
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
