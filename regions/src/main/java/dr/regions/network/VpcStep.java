package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stack VPC of one region, with DNS support and DNS hostnames on (private hosted zones need both). */
public final class VpcStep extends EnsureStep {
    private final RegionTarget target;
    private String seenState;
    private String ownerId;

    public VpcStep(RegionTarget target) {
        super(target.key(NetworkRoles.VPC), List.of(), "AWS::EC2::VPC", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<Vpc> vpc = ec2().describeVpcs(r -> r.filters(Ec2Tags.byRole(target.stack(), NetworkRoles.VPC)))
                .vpcs().stream().findFirst();
        vpc.ifPresent(v -> {
            seenState = v.stateAsString();
            ownerId = v.ownerId();
        });
        return vpc.map(Vpc::vpcId);
    }

    @Override
    protected String create(StepContext context) {
        Vpc vpc = ec2().createVpc(r -> r.cidrBlock(target.spec().cidr(target.role()).toString())
                        .tagSpecifications(Ec2Tags.specification(ResourceType.VPC, target.tags(NetworkRoles.VPC))))
                .vpc();
        ownerId = vpc.ownerId();
        return vpc.vpcId();
    }

    @Override
    protected boolean converge(StepContext context, String vpcId) {
        boolean changed = false;
        if (!attribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)) {
            ec2().modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on()));
            changed = true;
        }
        if (!attribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)) {
            ec2().modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on()));
            changed = true;
        }
        return changed;
    }

    @Override
    protected ResourceState readiness(StepContext context, String vpcId) {
        if (!"available".equals(seenState) || ownerId == null) {
            Vpc vpc = ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0);
            seenState = vpc.stateAsString();
            ownerId = vpc.ownerId();
        }
        return ResourceState.of(seenState, "available");
    }

    /** {@code id}, and {@code account}: the owner account, which IAM role ARNs (e.g. AWS Backup's) need. */
    @Override
    protected Map<String, String> outputs(StepContext context, String vpcId) {
        return Map.of("id", vpcId, "account", ownerId);
    }

    private boolean attribute(String vpcId, VpcAttributeName name) {
        var response = ec2().describeVpcAttribute(r -> r.vpcId(vpcId).attribute(name));
        AttributeBooleanValue value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
                ? response.enableDnsSupport() : response.enableDnsHostnames();
        return value != null && Boolean.TRUE.equals(value.value());
    }

    private static AttributeBooleanValue on() {
        return AttributeBooleanValue.builder().value(true).build();
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
