package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.List;
import java.util.Optional;

/** The internet gateway, attached to the stack VPC. */
public final class InternetGatewayStep extends EnsureStep {
    private final RegionTarget target;
    private InternetGateway seen;

    public InternetGatewayStep(RegionTarget target) {
        super(target.key(NetworkRoles.INTERNET_GATEWAY), List.of(target.key(NetworkRoles.VPC)),
                "AWS::EC2::InternetGateway", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<InternetGateway> found = ec2().describeInternetGateways(r -> r.filters(
                Ec2Tags.byRole(target.stack(), NetworkRoles.INTERNET_GATEWAY))).internetGateways().stream().findFirst();
        found.ifPresent(igw -> seen = igw);
        return found.map(InternetGateway::internetGatewayId);
    }

    @Override
    protected String create(StepContext context) {
        seen = ec2().createInternetGateway(r -> r.tagSpecifications(Ec2Tags.specification(
                ResourceType.INTERNET_GATEWAY, target.tags(NetworkRoles.INTERNET_GATEWAY)))).internetGateway();
        return seen.internetGatewayId();
    }

    @Override
    protected boolean converge(StepContext context, String igwId) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        boolean attached = seen.attachments().stream().anyMatch(a -> vpcId.equals(a.vpcId()));
        if (!attached) {
            ec2().attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        }
        return !attached;
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
