package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Internet gateways: one per VPC, and no detach while the VPC still maps public addresses. */
final class InternetGatewayOperations {
    private static final Set<String> FILTERS =
            Set.of("internet-gateway-id", "attachment.vpc-id", "attachment.state", "owner-id");

    private final Ec2Context ctx;

    InternetGatewayOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    CreateInternetGatewayResponse createInternetGateway(CreateInternetGatewayRequest request) {
        Ec2State.InternetGateway gateway = new Ec2State.InternetGateway();
        gateway.id = ctx.newId("igw");
        gateway.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "internet-gateway");
        ctx.state.internetGateways.put(gateway.id, ctx.created(gateway));
        return CreateInternetGatewayResponse.builder().internetGateway(toSdk(gateway)).build();
    }

    AttachInternetGatewayResponse attachInternetGateway(AttachInternetGatewayRequest request) {
        Ec2State.InternetGateway gateway = ctx.internetGateway(request.internetGatewayId());
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        if (gateway.attachedVpcId != null) {
            throw Ec2Errors.error("Resource.AlreadyAssociated",
                    "resource " + gateway.id + " is already attached to network " + gateway.attachedVpcId);
        }
        if (ctx.state.internetGateways.values().stream().anyMatch(g -> vpc.id.equals(g.attachedVpcId))) {
            throw Ec2Errors.invalidValue("Network " + vpc.id + " already has an internet gateway attached");
        }
        gateway.attachedVpcId = vpc.id;
        return AttachInternetGatewayResponse.builder().build();
    }

    DetachInternetGatewayResponse detachInternetGateway(DetachInternetGatewayRequest request) {
        Ec2State.InternetGateway gateway = ctx.internetGateway(request.internetGatewayId());
        Ec2Errors.require(request.vpcId(), "VpcId");
        if (!request.vpcId().equals(gateway.attachedVpcId)) {
            throw Ec2Errors.error("Gateway.NotAttached",
                    "resource " + gateway.id + " is not attached to network " + request.vpcId());
        }
        if (mapsPublicAddresses(gateway.attachedVpcId)) {
            throw Ec2Errors.error("DependencyViolation", "Network " + gateway.attachedVpcId
                    + " has some mapped public address(es). Please unmap those public address(es) before detaching"
                    + " the gateway.");
        }
        gateway.attachedVpcId = null;
        return DetachInternetGatewayResponse.builder().build();
    }

    /** A public NAT gateway not yet deleted, or a live instance with a public IP, maps an address in the VPC. */
    private boolean mapsPublicAddresses(String vpcId) {
        ctx.sweepExpired();
        return ctx.state.natGateways.values().stream()
                        .anyMatch(nat -> nat.vpcId.equals(vpcId) && ctx.natHoldsAddress(nat))
                || ctx.state.instances.values().stream().anyMatch(instance -> vpcId.equals(instance.vpcId)
                        && instance.publicIp != null && ctx.instanceAlive(instance));
    }

    DeleteInternetGatewayResponse deleteInternetGateway(DeleteInternetGatewayRequest request) {
        Ec2State.InternetGateway gateway = ctx.internetGateway(request.internetGatewayId());
        if (gateway.attachedVpcId != null) {
            throw Ec2Errors.dependencyViolation("internetGateway", gateway.id);
        }
        ctx.state.internetGateways.remove(gateway.id);
        return DeleteInternetGatewayResponse.builder().build();
    }

    DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.InternetGateway> gateways = ctx.select(ctx.state.internetGateways, request.internetGatewayIds(),
                id -> Ec2Errors.notFound("InvalidInternetGatewayID.NotFound", "internetGateway", id), filter,
                this::attribute);
        Ec2Pages.Page<Ec2State.InternetGateway> page =
                Ec2Pages.page(gateways, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeInternetGatewaysResponse.builder()
                .internetGateways(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.InternetGateway gateway, String name) {
        return switch (name) {
            case "internet-gateway-id" -> List.of(gateway.id);
            case "attachment.vpc-id" -> gateway.attachedVpcId == null ? List.of() : List.of(gateway.attachedVpcId);
            case "attachment.state" -> gateway.attachedVpcId == null ? List.of() : List.of("available");
            case "owner-id" -> List.of(World.ACCOUNT_ID);
            default -> List.of();
        };
    }

    private InternetGateway toSdk(Ec2State.InternetGateway gateway) {
        InternetGateway.Builder out = InternetGateway.builder()
                .internetGatewayId(gateway.id)
                .ownerId(World.ACCOUNT_ID)
                .tags(Ec2Tags.toSdk(gateway.tags));
        if (gateway.attachedVpcId != null) {
            // An attached internet gateway reports its attachment state as "available".
            out.attachments(InternetGatewayAttachment.builder()
                    .vpcId(gateway.attachedVpcId)
                    .state("available")
                    .build());
        } else {
            out.attachments(List.of());
        }
        return out.build();
    }
}
