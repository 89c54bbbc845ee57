package dr.regions.discovery;

import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stack's network in one region: one tag-filtered Describe per resource type. */
final class NetworkReader extends Ec2Reader {
    /** NAT gateways in these states are gone (they stay listed for about an hour). */
    private static final Set<String> GONE_NAT_STATES = Set.of("deleted", "failed");

    NetworkReader(Ec2Client ec2, String region, StackTag stack, KindReads reads) {
        super(ec2, region, stack, reads);
    }

    List<StackResource> read() {
        List<StackResource> found = new ArrayList<>();
        found.addAll(reads.read(region, ResourceKind.VPC, this::vpcs));
        found.addAll(reads.read(region, ResourceKind.SUBNET, this::subnets));
        found.addAll(reads.read(region, ResourceKind.ROUTE_TABLE, this::routeTables));
        found.addAll(reads.read(region, ResourceKind.INTERNET_GATEWAY, this::internetGateways));
        found.addAll(reads.read(region, ResourceKind.NAT_GATEWAY, this::natGateways));
        found.addAll(reads.read(region, ResourceKind.ELASTIC_IP, this::addresses));
        found.addAll(reads.read(region, ResourceKind.SECURITY_GROUP, this::securityGroups));
        return found;
    }

    private List<StackResource> vpcs() {
        List<StackResource> found = new ArrayList<>();
        for (Vpc vpc : ec2.describeVpcsPaginator(r -> r.filters(byStack)).vpcs()) {
            Map<String, String> tags = Ec2Tags.toMap(vpc.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.VPC, region, vpc.vpcId(), tags)
                        .state(vpc.stateAsString()).with(Attributes.CIDR, vpc.cidrBlock()).build());
            }
        }
        return found;
    }

    private List<StackResource> subnets() {
        List<StackResource> found = new ArrayList<>();
        for (Subnet subnet : ec2.describeSubnetsPaginator(r -> r.filters(byStack)).subnets()) {
            Map<String, String> tags = Ec2Tags.toMap(subnet.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.SUBNET, region, subnet.subnetId(), tags)
                        .state(subnet.stateAsString()).with(Attributes.VPC_ID, subnet.vpcId())
                        .with(Attributes.CIDR, subnet.cidrBlock()).build());
            }
        }
        return found;
    }

    private List<StackResource> routeTables() {
        List<StackResource> found = new ArrayList<>();
        for (RouteTable table : ec2.describeRouteTablesPaginator(r -> r.filters(byStack)).routeTables()) {
            Map<String, String> tags = Ec2Tags.toMap(table.tags());
            if (stack.marks(tags)) {
                boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
                long subnets = table.associations().stream().map(RouteTableAssociation::subnetId)
                        .filter(s -> s != null).count();
                found.add(StackResource.of(ResourceKind.ROUTE_TABLE, region, table.routeTableId(), tags)
                        .with(Attributes.VPC_ID, table.vpcId()).with(Attributes.MAIN, main)
                        .with("associatedSubnets", subnets).build());
            }
        }
        return found;
    }

    private List<StackResource> internetGateways() {
        List<StackResource> found = new ArrayList<>();
        for (InternetGateway gateway : ec2.describeInternetGatewaysPaginator(r -> r.filters(byStack))
                .internetGateways()) {
            Map<String, String> tags = Ec2Tags.toMap(gateway.tags());
            if (stack.marks(tags)) {
                String vpc = gateway.attachments().stream().map(InternetGatewayAttachment::vpcId).findFirst()
                        .orElse(null);
                found.add(StackResource.of(ResourceKind.INTERNET_GATEWAY, region, gateway.internetGatewayId(), tags)
                        .state(vpc == null ? "detached" : "attached").with(Attributes.ATTACHED_VPC, vpc).build());
            }
        }
        return found;
    }

    private List<StackResource> natGateways() {
        List<StackResource> found = new ArrayList<>();
        for (NatGateway nat : ec2.describeNatGatewaysPaginator(r -> r.filter(byStack)).natGateways()) {
            Map<String, String> tags = Ec2Tags.toMap(nat.tags());
            if (stack.marks(tags) && !GONE_NAT_STATES.contains(nat.stateAsString())) {
                String allocations = String.join(",", nat.natGatewayAddresses().stream()
                        .map(NatGatewayAddress::allocationId).filter(a -> a != null).toList());
                found.add(StackResource.of(ResourceKind.NAT_GATEWAY, region, nat.natGatewayId(), tags)
                        .state(nat.stateAsString()).with(Attributes.VPC_ID, nat.vpcId())
                        .with(Attributes.ALLOCATION_ID, allocations.isEmpty() ? null : allocations).build());
            }
        }
        return found;
    }

    /** DescribeAddresses is not paginated. */
    private List<StackResource> addresses() {
        List<StackResource> found = new ArrayList<>();
        for (Address address : ec2.describeAddresses(r -> r.filters(byStack)).addresses()) {
            Map<String, String> tags = Ec2Tags.toMap(address.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.ELASTIC_IP, region, address.allocationId(), tags)
                        .state(address.associationId() == null ? "unassociated" : "associated")
                        .with(Attributes.PUBLIC_IP, address.publicIp()).build());
            }
        }
        return found;
    }

    private List<StackResource> securityGroups() {
        List<StackResource> found = new ArrayList<>();
        for (SecurityGroup group : ec2.describeSecurityGroupsPaginator(r -> r.filters(byStack)).securityGroups()) {
            Map<String, String> tags = Ec2Tags.toMap(group.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.SECURITY_GROUP, region, group.groupId(), tags)
                        .with(Attributes.NAME, group.groupName()).with(Attributes.VPC_ID, group.vpcId())
                        .with(Attributes.DEFAULT, "default".equals(group.groupName())).build());
            }
        }
        return found;
    }
}
