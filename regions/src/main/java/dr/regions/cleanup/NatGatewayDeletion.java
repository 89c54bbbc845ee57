package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;

import java.util.List;

/**
 * A NAT gateway: DeleteNatGateway, then wait until it is {@code deleted}; only then are its Elastic IP free to
 * release and its public mapping gone from the VPC (which the internet gateway's detach needs).
 */
final class NatGatewayDeletion extends DeletionStep {
    NatGatewayDeletion(DeletionTarget target) {
        super(target, ModeledDurations.NAT_GATEWAY_DELETE);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        List<NatGateway> found = ec2.describeNatGateways(r -> r.natGatewayIds(target().id())).natGateways();
        String state = found.isEmpty() ? "deleted" : found.get(0).stateAsString();
        switch (state) {
            case "deleted", "failed" -> {
                return gone();
            }
            case "deleting" -> {
                return StepResult.waiting("deleting");
            }
            default -> {
                ec2.deleteNatGateway(r -> r.natGatewayId(target().id()));
                return StepResult.waiting("deleting");
            }
        }
    }
}
