package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.List;
import java.util.Optional;

/** A NAT gateway in a public subnet, with its Elastic IP; waits until {@code available}. */
public final class NatGatewayStep extends EnsureStep {
    private final RegionTarget target;
    private final int zoneIndex;
    private String stateFound;

    public NatGatewayStep(RegionTarget target, int zoneIndex) {
        super(target.key(NetworkRoles.nat(zoneIndex)),
                List.of(target.key(NetworkRoles.subnet(publicSubnet(zoneIndex))),
                        target.key(NetworkRoles.natAddress(zoneIndex)),
                        target.key(NetworkRoles.INTERNET_GATEWAY)),
                "AWS::EC2::NatGateway", ModeledDurations.NAT_GATEWAY);
        this.target = target;
        this.zoneIndex = zoneIndex;
    }

    private static SubnetRole publicSubnet(int zoneIndex) {
        return zoneIndex == 0 ? SubnetRole.PUBLIC_A : SubnetRole.PUBLIC_B;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<NatGateway> found = ec2().describeNatGateways(r -> r.filter(
                        Ec2Tags.tag(dr.core.model.Tags.STACK, target.stack()),
                        Ec2Tags.tag(dr.core.model.Tags.ROLE, NetworkRoles.nat(zoneIndex)),
                        Ec2Tags.filter("state", "pending", "available")))
                .natGateways().stream().findFirst();
        stateFound = found.map(NatGateway::stateAsString).orElse(null);
        return found.map(NatGateway::natGatewayId);
    }

    @Override
    protected String create(StepContext context) {
        String subnetId = context.require(target.key(NetworkRoles.subnet(publicSubnet(zoneIndex))), "id");
        String allocationId = context.require(target.key(NetworkRoles.natAddress(zoneIndex)), "id");
        return ec2().createNatGateway(r -> r.subnetId(subnetId).allocationId(allocationId)
                        .tagSpecifications(Ec2Tags.specification(ResourceType.NATGATEWAY,
                                target.tags(NetworkRoles.nat(zoneIndex)))))
                .natGateway().natGatewayId();
    }

    @Override
    protected ResourceState readiness(StepContext context, String natId) {
        // The state find just read answers the first poll: an available gateway needs no second describe.
        String state = stateFound != null ? stateFound
                : ec2().describeNatGateways(r -> r.natGatewayIds(natId)).natGateways().get(0).stateAsString();
        stateFound = null;
        return ResourceState.of(state, "available", "failed", "deleting", "deleted");
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
