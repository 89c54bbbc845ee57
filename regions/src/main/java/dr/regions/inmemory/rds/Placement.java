package dr.regions.inmemory.rds;

import dr.regions.inmemory.ec2.SandboxZones;
import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.DbSubnetGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a new DB instance lives: its subnet group's VPC and zones and its VPC security groups, and the
 * dependencies that keep those from being deleted under it.
 */
final class Placement {
    private final RdsContext ctx;

    Placement(RdsContext ctx) {
        this.ctx = ctx;
    }

    /** Puts {@code db} in the named subnet group (null: none, RDS's default network) with these security groups. */
    void place(DbInstance db, String subnetGroupName, List<String> securityGroupIds) {
        DbSubnetGroup group = subnetGroupName == null ? null : ctx.subnetGroup(subnetGroupName);
        List<String> zones = group == null
                ? defaultNetworkZones()
                : group.subnets.values().stream().distinct().sorted().toList();
        db.subnetGroupName = group == null ? null : group.name;
        db.availabilityZone = zones.get(0);
        db.secondaryAvailabilityZone = zones.size() > 1 ? zones.get(1) : null;
        String vpcId = group == null ? null : group.vpcId;
        db.vpcSecurityGroupIds = new ArrayList<>(ctx.world.faults().internal(() -> securityGroups(securityGroupIds,
                vpcId)));
    }

    /** Without a subnet group RDS uses the default VPC, which has a subnet in each of the account's zones. */
    private List<String> defaultNetworkZones() {
        return SandboxZones.of(ctx.region).stream().filter(SandboxZones.Zone::isAvailabilityZone)
                .map(SandboxZones.Zone::name).limit(2).toList();
    }

    /** Registers what the instance uses, so EC2 and RDS refuse to delete it while the instance exists. */
    void registerDependencies(DbInstance db) {
        ctx.world.dependencies.use(db.arn, db.vpcSecurityGroupIds.toArray(String[]::new));
        if (db.subnetGroupName != null) {
            DbSubnetGroup group = ctx.state.subnetGroups.get(db.subnetGroupName);
            ctx.world.dependencies.use(db.arn, group.arn);
            ctx.world.dependencies.use(db.arn, group.subnets.keySet().toArray(String[]::new));
        }
    }

    /** Asked of EC2 as an internal lookup: the eventual-consistency fault's miss is meant for dr, not for RDS. */
    private List<String> securityGroups(List<String> requested, String vpcId) {
        Ec2Client ec2 = ctx.world.services().ec2(ctx.region);
        if (requested == null || requested.isEmpty()) {
            return vpcId == null ? List.of() : defaultSecurityGroup(ec2, vpcId);
        }
        List<SecurityGroup> found;
        try {
            found = ec2.describeSecurityGroups(DescribeSecurityGroupsRequest.builder().groupIds(requested).build())
                    .securityGroups();
        } catch (Ec2Exception e) {
            throw RdsErrors.invalidParameterValue("Invalid security group, groupIds= " + requested);
        }
        for (SecurityGroup group : found) {
            if (vpcId != null && !vpcId.equals(group.vpcId())) {
                throw RdsErrors.invalidParameterCombination("The DB instance and EC2 security group are in different"
                        + " VPCs. The DB instance is in " + vpcId + " and the EC2 security group is in "
                        + group.vpcId());
            }
        }
        return List.copyOf(requested);
    }

    /** Without VpcSecurityGroupIds, RDS uses the VPC's default security group. */
    private static List<String> defaultSecurityGroup(Ec2Client ec2, String vpcId) {
        try {
            return ec2.describeSecurityGroups(DescribeSecurityGroupsRequest.builder()
                            .filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                                    Filter.builder().name("group-name").values("default").build())
                            .build())
                    .securityGroups().stream().map(SecurityGroup::groupId).limit(1).toList();
        } catch (Ec2Exception e) {
            return List.of();
        }
    }
}
