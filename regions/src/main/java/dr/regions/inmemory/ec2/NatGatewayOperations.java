package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * NAT gateways: {@code pending → available} (or {@code failed}), {@code deleting → deleted}, and listed for about
 * an hour after deletion. Like AWS, a request that cannot work (no internet gateway on the VPC, an Elastic IP
 * already in use) is accepted and the gateway then fails with the documented failure code.
 */
final class NatGatewayOperations {
    private static final Set<String> FILTERS = Set.of("nat-gateway-id", "state", "subnet-id", "vpc-id");

    private final Ec2Context ctx;
    private final AddressOperations addresses;

    NatGatewayOperations(Ec2Context ctx, AddressOperations addresses) {
        this.ctx = ctx;
        this.addresses = addresses;
    }

    CreateNatGatewayResponse createNatGateway(CreateNatGatewayRequest request) {
        Ec2Errors.require(request.subnetId(), "SubnetId");
        boolean isPublic = request.connectivityType() == null || "public".equals(request.connectivityTypeAsString());
        if (isPublic) {
            Ec2Errors.require(request.allocationId(), "AllocationId");
        }
        String tokenKey = request.clientToken() == null ? null : "CreateNatGateway:" + request.clientToken();
        if (tokenKey != null && ctx.state.clientTokens.containsKey(tokenKey)) {
            Ec2State.NatGateway earlier = ctx.state.natGateways.get(ctx.state.clientTokens.get(tokenKey));
            if (earlier != null) {
                if (!earlier.subnetId.equals(request.subnetId())
                        || !Objects.equals(earlier.allocationId, request.allocationId())) {
                    throw Ec2Errors.error("IdempotentParameterMismatch", "The client token you have provided is "
                            + "associated with a resource that is not identical to the one you are requesting.");
                }
                return CreateNatGatewayResponse.builder().natGateway(toSdk(earlier)).build();
            }
        }
        Ec2State.Subnet subnet = ctx.subnet(request.subnetId());
        Ec2State.Address address = isPublic ? ctx.address(request.allocationId()) : null;
        Ec2State.NatGateway nat = new Ec2State.NatGateway();
        nat.id = ctx.newId("nat");
        nat.subnetId = subnet.id;
        nat.vpcId = subnet.vpcId;
        nat.connectivityType = isPublic ? "public" : "private";
        nat.allocationId = address == null ? null : address.id;
        nat.networkInterfaceId = ctx.newId("eni");
        nat.privateIp = Ec2Context.nextPrivateIp(subnet);
        nat.associationId = isPublic ? ctx.newId("eipassoc") : null;
        nat.createTime = ctx.now();
        nat.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "natgateway");
        failureOf(nat, address);
        nat.timeline = Timeline.startingAt(ctx.now(), "pending")
                .then(nat.failureCode == null ? "available" : "failed", ModeledDurations.NAT_GATEWAY);
        if (nat.failureCode != null) {
            nat.deleteTime = nat.timeline.enteredAt("failed");
        }
        ctx.state.natGateways.put(nat.id, ctx.created(nat));
        if (tokenKey != null) {
            ctx.state.clientTokens.put(tokenKey, nat.id);
        }
        return CreateNatGatewayResponse.builder().clientToken(request.clientToken()).natGateway(toSdk(nat)).build();
    }

    /** The NatGateway FailureCode values AWS documents for these two cases. */
    private void failureOf(Ec2State.NatGateway nat, Ec2State.Address address) {
        if (address == null) {
            return;
        }
        boolean gatewayAttached = ctx.state.internetGateways.values().stream()
                .anyMatch(g -> nat.vpcId.equals(g.attachedVpcId));
        if (!gatewayAttached) {
            nat.failureCode = "Gateway.NotAttached";
            nat.failureMessage = "Network " + nat.vpcId + " has no Internet gateway attached";
        } else if (addresses.holder(address).isPresent()) {
            nat.failureCode = "Resource.AlreadyAssociated";
            nat.failureMessage = "Elastic IP address [" + address.id + "] is already associated";
        }
    }

    DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest request) {
        ctx.sweepExpired();
        // DescribeNatGateways names its filter list "Filter", not "Filters".
        Ec2Filter filter = Ec2Filter.of(request.filter(), FILTERS);
        List<Ec2State.NatGateway> gateways = ctx.select(ctx.state.natGateways, request.natGatewayIds(),
                Ec2Context::natGatewayNotFound, filter, this::attribute);
        Ec2Pages.Page<Ec2State.NatGateway> page =
                Ec2Pages.page(gateways, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeNatGatewaysResponse.builder()
                .natGateways(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.NatGateway nat, String name) {
        return switch (name) {
            case "nat-gateway-id" -> List.of(nat.id);
            case "state" -> List.of(ctx.natState(nat));
            case "subnet-id" -> List.of(nat.subnetId);
            case "vpc-id" -> List.of(nat.vpcId);
            default -> List.of();
        };
    }

    DeleteNatGatewayResponse deleteNatGateway(DeleteNatGatewayRequest request) {
        Ec2State.NatGateway nat = ctx.natGateway(request.natGatewayId());
        String current = ctx.natState(nat);
        if (current.equals("pending") || current.equals("available")) {
            nat.timeline.restart(ctx.now(), "deleting").then("deleted", ModeledDurations.NAT_GATEWAY_DELETE);
            nat.deleteTime = nat.timeline.enteredAt("deleted");
        }
        return DeleteNatGatewayResponse.builder().natGatewayId(nat.id).build();
    }

    private NatGateway toSdk(Ec2State.NatGateway nat) {
        String current = ctx.natState(nat);
        NatGatewayAddress.Builder address = NatGatewayAddress.builder()
                .allocationId(nat.allocationId)
                .networkInterfaceId(nat.networkInterfaceId)
                .privateIp(nat.privateIp)
                .isPrimary(true)
                .status(addressStatus(current));
        if (nat.allocationId != null && ctx.state.addresses.containsKey(nat.allocationId)) {
            address.publicIp(ctx.state.addresses.get(nat.allocationId).publicIp);
            if (ctx.natHoldsAddress(nat)) {
                address.associationId(nat.associationId);
            }
        }
        NatGateway.Builder out = NatGateway.builder()
                .natGatewayId(nat.id)
                .subnetId(nat.subnetId)
                .vpcId(nat.vpcId)
                .state(current)
                .connectivityType(nat.connectivityType)
                .createTime(nat.createTime)
                .natGatewayAddresses(address.build())
                .tags(Ec2Tags.toSdk(nat.tags));
        if (current.equals("deleted") || current.equals("failed")) {
            out.deleteTime(nat.deleteTime);
        }
        if (current.equals("failed")) {
            out.failureCode(nat.failureCode).failureMessage(nat.failureMessage);
        }
        return out.build();
    }

    private static String addressStatus(String natState) {
        return switch (natState) {
            case "pending" -> "associating";
            case "deleting" -> "disassociating";
            case "failed" -> "failed";
            default -> "succeeded";
        };
    }
}
