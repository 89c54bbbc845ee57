package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network ACLs (Amazon VPC User Guide, "Control subnet traffic with network access control lists"): every VPC has a
 * default ACL that allows all traffic (rule 100 allow, then the {@code *} rule, reported as 32767, deny) and every
 * subnet is associated with exactly one ACL, the default one unless replaced; a custom ACL starts with only the
 * {@code *} deny rules, so it "denies all inbound and outbound traffic until you add rules". Rules are evaluated in
 * order of rule number and the first that matches decides.
 *
 * <p>Refusals follow the EC2 API reference and its error codes
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): {@code InvalidNetworkAclID.NotFound},
 * {@code InvalidAssociationID.NotFound}, {@code InvalidVpcID.NotFound}, and {@code DependencyViolation} for
 * DeleteNetworkAcl of an ACL still associated with a subnet (API_DeleteNetworkAcl: "You can't delete the ACL if it's
 * associated with any subnets"); a VPC with a custom ACL cannot be deleted either (API_DeleteVpc). Deleting a default
 * ACL is not modeled: dr never asks.
 */
final class NetworkAclOperations {
    static final int STAR_RULE = 32767;
    private static final Set<String> FILTERS = Set.of("network-acl-id", "vpc-id", "default", "owner-id",
            "association.association-id", "association.network-acl-id", "association.subnet-id");

    private final Ec2Context ctx;

    NetworkAclOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        ctx.state.vpcs.values().forEach(this::defaults);
        List<Ec2State.NetworkAcl> acls = ctx.select(ctx.state.networkAcls, request.networkAclIds(),
                NetworkAclOperations::aclNotFound, filter, this::attribute);
        Ec2Pages.Page<Ec2State.NetworkAcl> page = Ec2Pages.page(acls, request.maxResults(), request.nextToken(), 5,
                1000);
        return DescribeNetworkAclsResponse.builder().networkAcls(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken()).build();
    }

    CreateNetworkAclResponse createNetworkAcl(CreateNetworkAclRequest request) {
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        defaults(vpc);
        Ec2State.NetworkAcl acl = new Ec2State.NetworkAcl();
        acl.id = ctx.newId("acl");
        acl.vpcId = vpc.id;
        acl.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "network-acl");
        acl.entries.add(entry(STAR_RULE, false, "deny"));
        acl.entries.add(entry(STAR_RULE, true, "deny"));
        ctx.state.networkAcls.put(acl.id, ctx.created(acl));
        return CreateNetworkAclResponse.builder().networkAcl(toSdk(acl)).build();
    }

    /** Moves a subnet's association to another ACL of the same VPC; the old association id is gone. */
    ReplaceNetworkAclAssociationResponse replaceNetworkAclAssociation(ReplaceNetworkAclAssociationRequest request) {
        Ec2Errors.require(request.associationId(), "AssociationId");
        ctx.state.vpcs.values().forEach(this::defaults);
        Ec2State.NetworkAcl target = acl(request.networkAclId());
        Ec2State.NetworkAcl current = ctx.state.networkAcls.values().stream()
                .filter(a -> a.associations.containsKey(request.associationId())).findFirst()
                .orElseThrow(() -> Ec2Errors.notFound("InvalidAssociationID.NotFound", "association",
                        request.associationId()));
        String subnetId = current.associations.get(request.associationId());
        if (!current.vpcId.equals(target.vpcId)) {
            throw Ec2Errors.invalidValue("Network ACL " + target.id + " and subnet " + subnetId
                    + " belong to different VPCs");
        }
        current.associations.remove(request.associationId());
        String associationId = ctx.newId("aclassoc");
        target.associations.put(associationId, subnetId);
        return ReplaceNetworkAclAssociationResponse.builder().newAssociationId(associationId).build();
    }

    DeleteNetworkAclResponse deleteNetworkAcl(DeleteNetworkAclRequest request) {
        Ec2State.NetworkAcl acl = acl(request.networkAclId());
        if (acl.isDefault) {
            throw new UnsupportedOperationException("deleting a default network ACL is not modeled");
        }
        if (!acl.associations.isEmpty()) {
            throw Ec2Errors.dependencyViolation("networkAcl", acl.id);
        }
        ctx.state.networkAcls.remove(acl.id);
        return DeleteNetworkAclResponse.builder().build();
    }

    /** The VPC's default ACL, made on first use, and an association with it for every subnet that has none. */
    void defaults(Ec2State.Vpc vpc) {
        if (vpc == null) {
            return;
        }
        Ec2State.NetworkAcl acl = ctx.state.networkAcls.values().stream()
                .filter(a -> a.vpcId.equals(vpc.id) && a.isDefault).findFirst().orElse(null);
        if (acl == null) {
            acl = new Ec2State.NetworkAcl();
            acl.id = ctx.newId("acl");
            acl.vpcId = vpc.id;
            acl.isDefault = true;
            acl.entries.add(entry(100, false, "allow"));
            acl.entries.add(entry(STAR_RULE, false, "deny"));
            acl.entries.add(entry(100, true, "allow"));
            acl.entries.add(entry(STAR_RULE, true, "deny"));
            ctx.state.networkAcls.put(acl.id, acl);
        }
        for (Ec2State.Subnet subnet : ctx.state.subnets.values()) {
            if (subnet.vpcId.equals(vpc.id) && ctx.state.networkAcls.values().stream()
                    .noneMatch(a -> a.associations.containsValue(subnet.id))) {
                acl.associations.put(ctx.newId("aclassoc"), subnet.id);
            }
        }
    }

    private Ec2State.NetworkAcl acl(String id) {
        Ec2Errors.require(id, "NetworkAclId");
        Ec2State.NetworkAcl acl = ctx.state.networkAcls.get(id);
        if (acl == null || !ctx.world.faults().visible(id)) {
            throw aclNotFound(id);
        }
        return acl;
    }

    private static software.amazon.awssdk.awscore.exception.AwsServiceException aclNotFound(String id) {
        return Ec2Errors.error("InvalidNetworkAclID.NotFound", "The network ACL '" + id + "' does not exist");
    }

    private static Ec2State.AclEntry entry(int rule, boolean egress, String action) {
        Ec2State.AclEntry entry = new Ec2State.AclEntry();
        entry.ruleNumber = rule;
        entry.egress = egress;
        entry.protocol = "-1";
        entry.ruleAction = action;
        entry.cidrBlock = "0.0.0.0/0";
        return entry;
    }

    private Collection<String> attribute(Ec2State.NetworkAcl acl, String name) {
        return switch (name) {
            case "network-acl-id", "association.network-acl-id" -> List.of(acl.id);
            case "vpc-id" -> List.of(acl.vpcId);
            case "default" -> List.of(String.valueOf(acl.isDefault));
            case "owner-id" -> List.of(World.ACCOUNT_ID);
            case "association.association-id" -> new ArrayList<>(acl.associations.keySet());
            case "association.subnet-id" -> new ArrayList<>(acl.associations.values());
            default -> List.of();
        };
    }

    private NetworkAcl toSdk(Ec2State.NetworkAcl acl) {
        List<NetworkAclAssociation> associations = new ArrayList<>();
        for (Map.Entry<String, String> association : acl.associations.entrySet()) {
            associations.add(NetworkAclAssociation.builder().networkAclAssociationId(association.getKey())
                    .networkAclId(acl.id).subnetId(association.getValue()).build());
        }
        List<NetworkAclEntry> entries = acl.entries.stream().map(e -> NetworkAclEntry.builder()
                .ruleNumber(e.ruleNumber).egress(e.egress).protocol(e.protocol).ruleAction(e.ruleAction)
                .cidrBlock(e.cidrBlock).portRange(e.fromPort == null ? null
                        : PortRange.builder().from(e.fromPort).to(e.toPort).build()).build()).toList();
        return NetworkAcl.builder().networkAclId(acl.id).vpcId(acl.vpcId).isDefault(acl.isDefault)
                .ownerId(World.ACCOUNT_ID).entries(entries).associations(associations)
                .tags(Ec2Tags.toSdk(acl.tags)).build();
    }
}
