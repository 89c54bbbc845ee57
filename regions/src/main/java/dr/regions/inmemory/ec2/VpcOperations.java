package dr.regions.inmemory.ec2;

import dr.core.DrException;
import dr.core.model.Cidr;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Tenancy;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** VPCs and their DNS attributes. */
final class VpcOperations {
    private static final Set<String> FILTERS = Set.of("vpc-id", "cidr", "cidr-block-association.cidr-block", "state",
            "is-default", "owner-id", "dhcp-options-id");

    private final Ec2Context ctx;
    private final SecurityGroupOperations securityGroups;
    private final RouteTableOperations routeTables;

    VpcOperations(Ec2Context ctx, SecurityGroupOperations securityGroups, RouteTableOperations routeTables) {
        this.ctx = ctx;
        this.securityGroups = securityGroups;
        this.routeTables = routeTables;
    }

    CreateVpcResponse createVpc(CreateVpcRequest request) {
        Ec2Errors.require(request.cidrBlock(), "CidrBlock");
        Cidr cidr = parseCidr(request.cidrBlock(), "cidrBlock");
        // VPC blocks are /16 to /28 (VPC user guide, "VPC CIDR blocks").
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
            throw Ec2Errors.error("InvalidVpc.Range", "The CIDR '" + request.cidrBlock() + "' is invalid.");
        }
        Ec2State.Vpc vpc = new Ec2State.Vpc();
        vpc.id = ctx.newId("vpc");
        vpc.cidrBlock = cidr.toString();
        vpc.dhcpOptionsId = dhcpOptionsId();
        vpc.cidrAssociationId = ctx.newId("vpc-cidr-assoc");
        vpc.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "vpc");
        ctx.state.vpcs.put(vpc.id, ctx.created(vpc));
        // As in AWS, every VPC comes with its default security group and its main route table.
        vpc.defaultSecurityGroupId = securityGroups.createDefaultGroup(vpc).id;
        vpc.mainRouteTableId = routeTables.createMainRouteTable(vpc).id;
        return CreateVpcResponse.builder().vpc(toSdk(vpc, VpcState.PENDING)).build();
    }

    /** Every VPC of a region shares the region's default DHCP option set. */
    private String dhcpOptionsId() {
        return ctx.state.vpcs.values().stream().map(v -> v.dhcpOptionsId).findFirst()
                .orElseGet(() -> ctx.newId("dopt"));
    }

    DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.Vpc> vpcs = ctx.select(ctx.state.vpcs, request.vpcIds(),
                id -> Ec2Errors.notFound("InvalidVpcID.NotFound", "vpc", id), filter, this::attribute);
        Ec2Pages.Page<Ec2State.Vpc> page = Ec2Pages.page(vpcs, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeVpcsResponse.builder()
                .vpcs(page.items().stream().map(v -> toSdk(v, VpcState.AVAILABLE)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.Vpc vpc, String name) {
        return switch (name) {
            case "vpc-id" -> List.of(vpc.id);
            case "cidr", "cidr-block-association.cidr-block" -> List.of(vpc.cidrBlock);
            case "state" -> List.of("available");
            case "is-default" -> List.of("false");
            case "owner-id" -> List.of(World.ACCOUNT_ID);
            case "dhcp-options-id" -> List.of(vpc.dhcpOptionsId);
            default -> List.of();
        };
    }

    ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        List<String> given = new ArrayList<>();
        if (request.enableDnsSupport() != null) {
            given.add("enableDnsSupport");
        }
        if (request.enableDnsHostnames() != null) {
            given.add("enableDnsHostnames");
        }
        if (request.enableNetworkAddressUsageMetrics() != null) {
            given.add("enableNetworkAddressUsageMetrics");
        }
        if (given.isEmpty()) {
            throw Ec2Errors.missing("EnableDnsSupport or EnableDnsHostnames");
        }
        // One attribute per call; AWS answers exactly this when given two (aws-sdk-go issue #415).
        if (given.size() > 1) {
            throw Ec2Errors.combination("Fields for multiple attribute types specified: " + String.join(", ", given));
        }
        if (request.enableDnsSupport() != null) {
            vpc.enableDnsSupport = value(request.enableDnsSupport(), "EnableDnsSupport.Value");
        }
        if (request.enableDnsHostnames() != null) {
            vpc.enableDnsHostnames = value(request.enableDnsHostnames(), "EnableDnsHostnames.Value");
        }
        return ModifyVpcAttributeResponse.builder().build();
    }

    private static boolean value(AttributeBooleanValue attribute, String parameter) {
        Ec2Errors.require(attribute.value(), parameter);
        return attribute.value();
    }

    DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        Ec2Errors.require(request.attributeAsString(), "Attribute");
        DescribeVpcAttributeResponse.Builder response = DescribeVpcAttributeResponse.builder().vpcId(vpc.id);
        switch (request.attributeAsString()) {
            case "enableDnsSupport" -> response.enableDnsSupport(bool(vpc.enableDnsSupport));
            case "enableDnsHostnames" -> response.enableDnsHostnames(bool(vpc.enableDnsHostnames));
            case "enableNetworkAddressUsageMetrics" -> response.enableNetworkAddressUsageMetrics(bool(false));
            default -> throw Ec2Errors.invalidValue("Attribute", request.attributeAsString());
        }
        return response.build();
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    DeleteVpcResponse deleteVpc(DeleteVpcRequest request) {
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        Ec2State state = ctx.state;
        boolean hasDependencies = state.subnets.values().stream().anyMatch(s -> s.vpcId.equals(vpc.id))
                || state.internetGateways.values().stream().anyMatch(g -> vpc.id.equals(g.attachedVpcId))
                || state.securityGroups.values().stream()
                        .anyMatch(g -> g.vpcId.equals(vpc.id) && !g.id.equals(vpc.defaultSecurityGroupId))
                || state.routeTables.values().stream().anyMatch(t -> t.vpcId.equals(vpc.id) && !t.main)
                || state.networkAcls.values().stream().anyMatch(a -> a.vpcId.equals(vpc.id) && !a.isDefault)
                || ctx.world.dependencies.inUse(vpc.id);
        if (hasDependencies) {
            throw Ec2Errors.dependencyViolation("vpc", vpc.id);
        }
        state.securityGroups.remove(vpc.defaultSecurityGroupId);
        state.routeTables.remove(vpc.mainRouteTableId);
        state.networkAcls.values().removeIf(a -> a.vpcId.equals(vpc.id));
        state.vpcs.remove(vpc.id);
        return DeleteVpcResponse.builder().build();
    }

    private Vpc toSdk(Ec2State.Vpc vpc, VpcState state) {
        return Vpc.builder()
                .vpcId(vpc.id)
                .cidrBlock(vpc.cidrBlock)
                .state(state)
                .ownerId(World.ACCOUNT_ID)
                .instanceTenancy(Tenancy.DEFAULT)
                .isDefault(false)
                .dhcpOptionsId(vpc.dhcpOptionsId)
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder()
                        .associationId(vpc.cidrAssociationId)
                        .cidrBlock(vpc.cidrBlock)
                        .cidrBlockState(VpcCidrBlockState.builder().state("associated").build())
                        .build())
                .tags(Ec2Tags.toSdk(vpc.tags))
                .build();
    }

    static Cidr parseCidr(String text, String parameter) {
        try {
            return Cidr.parse(text);
        } catch (DrException e) {
            throw Ec2Errors.invalidValue("Value (" + text + ") for parameter " + parameter
                    + " is invalid. This is not a valid CIDR block.");
        }
    }
}
