package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

import java.util.Set;

/**
 * An internet gateway: detach it from its VPC, then delete it. AWS refuses the detach while the VPC still maps
 * public addresses (a NAT gateway still deleting, a load balancer's interfaces): keep waiting then.
 */
final class InternetGatewayDeletion extends DeletionStep {
    InternetGatewayDeletion(DeletionTarget target) {
        super(target, java.time.Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        InternetGateway gateway = ec2.describeInternetGateways(r -> r.internetGatewayIds(target().id()))
                .internetGateways().get(0);
        for (InternetGatewayAttachment attachment : gateway.attachments()) {
            ec2.detachInternetGateway(r -> r.internetGatewayId(target().id()).vpcId(attachment.vpcId()));
        }
        ec2.deleteInternetGateway(r -> r.internetGatewayId(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("DependencyViolation");
    }
}
