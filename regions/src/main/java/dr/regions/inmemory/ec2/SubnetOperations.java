package dr.regions.inmemory.ec2;

import dr.core.model.Cidr;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Subnets: CIDR rules inside the VPC block, zones of the region, and what keeps a subnet from deletion. */
final class SubnetOperations {
    private static final Set<String> FILTERS = Set.of("subnet-id", "vpc-id", "availability-zone",
            "availability-zone-id", "cidr-block", "cidr", "cidrBlock", "state", "map-public-ip-on-launch",
            "default-for-az", "owner-id", "subnet-arn");

    private final Ec2Context ctx;

    SubnetOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    CreateSubnetResponse createSubnet(CreateSubnetRequest request) {
        Ec2Errors.require(request.vpcId(), "VpcId");
        Ec2Errors.require(request.cidrBlock(), "CidrBlock");
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        String zone = zone(request);
        Cidr cidr = VpcOperations.parseCidr(request.cidrBlock(), "cidrBlock");
        // Subnets are /16 to /28 and must lie inside the VPC block.
        if (cidr.prefix() < 16 || cidr.prefix() > 28 || !Cidr.parse(vpc.cidrBlock).contains(cidr)) {
            throw Ec2Errors.error("InvalidSubnet.Range", "The CIDR '" + request.cidrBlock() + "' is invalid.");
        }
        for (Ec2State.Subnet other : ctx.state.subnets.values()) {
            if (other.vpcId.equals(vpc.id) && Cidr.parse(other.cidrBlock).overlaps(cidr)) {
                throw Ec2Errors.error("InvalidSubnet.Conflict",
                        "The CIDR '" + request.cidrBlock() + "' conflicts with another subnet");
            }
        }
        Ec2State.Subnet subnet = new Ec2State.Subnet();
        subnet.id = ctx.newId("subnet");
        subnet.vpcId = vpc.id;
        subnet.cidrBlock = cidr.toString();
        subnet.availabilityZone = zone;
        subnet.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "subnet");
        ctx.state.subnets.put(subnet.id, ctx.created(subnet));
        return CreateSubnetResponse.builder().subnet(toSdk(subnet)).build();
    }

    /**
     * The zone must be one of the account's zones in the region, by name or id; AWS answers any other with
     * InvalidParameterValue "Value (us-east-1c) for parameter availabilityZone is invalid. Subnets can currently only
     * be created in the following availability zones: ..." (kz8s/tack issue 67, TheSudoYT/terraform-aws-palworld
     * issue 9). Without one, EC2 picks a zone.
     */
    private String zone(CreateSubnetRequest request) {
        List<SandboxZones.Zone> zones = SandboxZones.of(ctx.region);
        if (request.availabilityZone() == null && request.availabilityZoneId() == null) {
            return zones.get(0).name();
        }
        for (SandboxZones.Zone zone : zones) {
            if (zone.name().equals(request.availabilityZone()) || zone.id().equals(request.availabilityZoneId())) {
                return zone.name();
            }
        }
        String given = request.availabilityZone() != null ? request.availabilityZone() : request.availabilityZoneId();
        throw Ec2Errors.invalidValue("Value (" + given + ") for parameter availabilityZone is invalid. Subnets can "
                + "currently only be created in the following availability zones: "
                + String.join(", ", zones.stream().map(SandboxZones.Zone::name).toList()) + ".");
    }

    private String zoneId(Ec2State.Subnet subnet) {
        return SandboxZones.find(ctx.region, subnet.availabilityZone).map(SandboxZones.Zone::id).orElse(null);
    }

    DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.Subnet> subnets = ctx.select(ctx.state.subnets, request.subnetIds(),
                id -> Ec2Errors.notFound("InvalidSubnetID.NotFound", "subnet", id), filter, this::attribute);
        Ec2Pages.Page<Ec2State.Subnet> page =
                Ec2Pages.page(subnets, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeSubnetsResponse.builder()
                .subnets(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.Subnet subnet, String name) {
        return switch (name) {
            case "subnet-id" -> List.of(subnet.id);
            case "vpc-id" -> List.of(subnet.vpcId);
            case "availability-zone" -> List.of(subnet.availabilityZone);
            case "availability-zone-id" -> List.of(zoneId(subnet));
            case "cidr-block", "cidr", "cidrBlock" -> List.of(subnet.cidrBlock);
            case "state" -> List.of("available");
            case "map-public-ip-on-launch" -> List.of(String.valueOf(subnet.mapPublicIpOnLaunch));
            case "default-for-az" -> List.of("false");
            case "owner-id" -> List.of(World.ACCOUNT_ID);
            case "subnet-arn" -> List.of(arn(subnet));
            default -> List.of();
        };
    }

    ModifySubnetAttributeResponse modifySubnetAttribute(ModifySubnetAttributeRequest request) {
        Ec2State.Subnet subnet = ctx.subnet(request.subnetId());
        long given = Stream.of(request.mapPublicIpOnLaunch(), request.assignIpv6AddressOnCreation(),
                request.mapCustomerOwnedIpOnLaunch(), request.enableDns64(),
                request.enableResourceNameDnsARecordOnLaunch(), request.enableResourceNameDnsAAAARecordOnLaunch(),
                request.privateDnsHostnameTypeOnLaunchAsString()).filter(Objects::nonNull).count();
        if (given == 0) {
            throw Ec2Errors.missing("MapPublicIpOnLaunch");
        }
        // "You can only modify one attribute at a time" (ModifySubnetAttribute API reference).
        if (given > 1) {
            throw Ec2Errors.combination("Fields for multiple attribute types specified");
        }
        if (request.mapPublicIpOnLaunch() != null) {
            Ec2Errors.require(request.mapPublicIpOnLaunch().value(), "MapPublicIpOnLaunch.Value");
            subnet.mapPublicIpOnLaunch = request.mapPublicIpOnLaunch().value();
        }
        return ModifySubnetAttributeResponse.builder().build();
    }

    DeleteSubnetResponse deleteSubnet(DeleteSubnetRequest request) {
        Ec2State.Subnet subnet = ctx.subnet(request.subnetId());
        ctx.sweepExpired();
        boolean inUse = ctx.state.natGateways.values().stream()
                        .anyMatch(nat -> nat.subnetId.equals(subnet.id) && ctx.natHoldsResources(nat))
                || ctx.state.instances.values().stream()
                        .anyMatch(instance -> subnet.id.equals(instance.subnetId) && ctx.instanceAlive(instance))
                || ctx.world.dependencies.inUse(subnet.id);
        if (inUse) {
            throw Ec2Errors.dependencyViolation("subnet", subnet.id);
        }
        // An explicit route table association goes with the subnet.
        ctx.state.routeTables.values().forEach(table -> table.subnetAssociations.values().remove(subnet.id));
        ctx.state.subnets.remove(subnet.id);
        ctx.state.networkAcls.values().forEach(acl -> acl.associations.values().remove(subnet.id));
        return DeleteSubnetResponse.builder().build();
    }

    private String arn(Ec2State.Subnet subnet) {
        return ctx.arn("subnet/" + subnet.id);
    }

    /** Addresses left: the block minus the five AWS reserves, minus those instances and NAT gateways hold. */
    private int availableAddresses(Ec2State.Subnet subnet) {
        long used = ctx.state.instances.values().stream()
                .filter(i -> subnet.id.equals(i.subnetId) && ctx.instanceAlive(i)).count()
                + ctx.state.natGateways.values().stream()
                        .filter(n -> n.subnetId.equals(subnet.id) && ctx.natHoldsResources(n)).count();
        return (int) (Cidr.parse(subnet.cidrBlock).size() - 5 - used);
    }

    private Subnet toSdk(Ec2State.Subnet subnet) {
        return Subnet.builder()
                .subnetId(subnet.id)
                .vpcId(subnet.vpcId)
                .cidrBlock(subnet.cidrBlock)
                .availabilityZone(subnet.availabilityZone)
                .availabilityZoneId(zoneId(subnet))
                .availableIpAddressCount(availableAddresses(subnet))
                .mapPublicIpOnLaunch(subnet.mapPublicIpOnLaunch)
                .defaultForAz(false)
                .assignIpv6AddressOnCreation(false)
                .state(SubnetState.AVAILABLE)
                .ownerId(World.ACCOUNT_ID)
                .subnetArn(arn(subnet))
                .tags(Ec2Tags.toSdk(subnet.tags))
                .build();
    }
}
