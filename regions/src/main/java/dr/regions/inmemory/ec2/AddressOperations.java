package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Elastic IPs. An address is associated while a NAT gateway that is not yet deleted holds it; that is read
 * from the NAT gateways, not stored, so it follows their lifecycle by itself.
 */
final class AddressOperations {
    private static final Set<String> FILTERS = Set.of("allocation-id", "association-id", "domain", "public-ip",
            "network-interface-id", "network-interface-owner-id", "private-ip-address", "network-border-group");

    private final Ec2Context ctx;

    AddressOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    AllocateAddressResponse allocateAddress(AllocateAddressRequest request) {
        if (request.domain() != null && request.domain() != DomainType.VPC) {
            throw Ec2Errors.invalidValue("Domain", request.domainAsString());
        }
        Ec2State.Address address = new Ec2State.Address();
        address.id = ctx.newId("eipalloc");
        address.publicIp = ctx.newPublicIp();
        address.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "elastic-ip");
        ctx.state.addresses.put(address.id, ctx.created(address));
        return AllocateAddressResponse.builder()
                .allocationId(address.id)
                .publicIp(address.publicIp)
                .domain(DomainType.VPC)
                .publicIpv4Pool("amazon")
                .networkBorderGroup(ctx.region)
                .build();
    }

    DescribeAddressesResponse describeAddresses(DescribeAddressesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<String> ids = new ArrayList<>(request.allocationIds());
        for (String publicIp : request.publicIps()) {
            ids.add(ctx.state.addresses.values().stream().filter(a -> a.publicIp.equals(publicIp)).map(a -> a.id)
                    .findFirst().orElseThrow(() -> Ec2Errors.error("InvalidAddress.NotFound",
                            "Address '" + publicIp + "' not found.")));
        }
        List<Ec2State.Address> addresses = ctx.select(ctx.state.addresses, ids,
                id -> Ec2Errors.notFound("InvalidAllocationID.NotFound", "allocation", id), filter, this::attribute);
        // DescribeAddresses is not paginated.
        return DescribeAddressesResponse.builder().addresses(addresses.stream().map(this::toSdk).toList()).build();
    }

    private Collection<String> attribute(Ec2State.Address address, String name) {
        Optional<Ec2State.NatGateway> holder = holder(address);
        return switch (name) {
            case "allocation-id" -> List.of(address.id);
            case "public-ip" -> List.of(address.publicIp);
            case "domain" -> List.of("vpc");
            case "network-border-group" -> List.of(ctx.region);
            case "association-id" -> holder.map(n -> List.of(n.associationId)).orElse(List.of());
            case "network-interface-id" -> holder.map(n -> List.of(n.networkInterfaceId)).orElse(List.of());
            case "private-ip-address" -> holder.map(n -> List.of(n.privateIp)).orElse(List.of());
            case "network-interface-owner-id" -> holder.map(n -> List.of(World.ACCOUNT_ID)).orElse(List.of());
            default -> List.of();
        };
    }

    ReleaseAddressResponse releaseAddress(ReleaseAddressRequest request) {
        if (request.allocationId() == null) {
            throw Ec2Errors.invalidValue("You must specify an allocation id when releasing a VPC elastic IP address");
        }
        Ec2State.Address address = ctx.address(request.allocationId());
        if (holder(address).isPresent()) {
            // What AWS answers while a NAT gateway (even one still deleting) holds the address: AuthFailure, not
            // DependencyViolation; the address can be released once the NAT gateway is deleted.
            throw Ec2Errors.error("AuthFailure", "You do not have permission to access the specified resource.");
        }
        ctx.state.addresses.remove(address.id);
        return ReleaseAddressResponse.builder().build();
    }

    /** The NAT gateway holding this address now, if any. */
    Optional<Ec2State.NatGateway> holder(Ec2State.Address address) {
        return ctx.state.natGateways.values().stream()
                .filter(nat -> address.id.equals(nat.allocationId) && ctx.natHoldsAddress(nat))
                .findFirst();
    }

    private Address toSdk(Ec2State.Address address) {
        Address.Builder out = Address.builder()
                .allocationId(address.id)
                .publicIp(address.publicIp)
                .domain(DomainType.VPC)
                .publicIpv4Pool("amazon")
                .networkBorderGroup(ctx.region)
                .tags(Ec2Tags.toSdk(address.tags));
        holder(address).ifPresent(nat -> out.associationId(nat.associationId)
                .networkInterfaceId(nat.networkInterfaceId)
                .networkInterfaceOwnerId(World.ACCOUNT_ID)
                .privateIpAddress(nat.privateIp));
        return out.build();
    }
}
