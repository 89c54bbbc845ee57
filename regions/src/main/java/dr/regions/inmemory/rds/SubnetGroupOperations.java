package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbSubnetGroup;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSubnetGroupResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** CreateDBSubnetGroup, DescribeDBSubnetGroups, DeleteDBSubnetGroup. */
final class SubnetGroupOperations {
    private final RdsContext ctx;
    private final RdsView view;

    SubnetGroupOperations(RdsContext ctx, RdsView view) {
        this.ctx = ctx;
        this.view = view;
    }

    CreateDbSubnetGroupResponse create(CreateDbSubnetGroupRequest request) {
        String name = required(request.dbSubnetGroupName(), "DBSubnetGroupName").toLowerCase();
        String description = required(request.dbSubnetGroupDescription(), "DBSubnetGroupDescription");
        if (!request.hasSubnetIds() || request.subnetIds().isEmpty()) {
            throw RdsErrors.missingParameter("SubnetIds");
        }
        if (name.equalsIgnoreCase("default")) {
            throw RdsErrors.invalidParameterValue("DBSubnetGroupName must not be default");
        }
        if (ctx.state.subnetGroups.containsKey(name)) {
            throw RdsErrors.subnetGroupAlreadyExists(name);
        }
        List<Subnet> subnets = describeSubnets(request.subnetIds());
        Set<String> vpcs = new TreeSet<>();
        Set<String> zones = new TreeSet<>();
        subnets.forEach(subnet -> {
            vpcs.add(subnet.vpcId());
            zones.add(subnet.availabilityZone());
        });
        if (vpcs.size() > 1) {
            throw RdsErrors.invalidSubnet("Subnets in the DB subnet group must all be in the same VPC: " + vpcs);
        }
        // CreateDBSubnetGroup: "must contain at least one subnet in at least two AZs in the AWS Region".
        if (zones.size() < 2) {
            throw RdsErrors.notEnoughAzs(String.join(", ", zones));
        }
        DbSubnetGroup group = new DbSubnetGroup();
        group.name = name;
        group.arn = ctx.arn("subgrp", name);
        group.description = description;
        group.vpcId = vpcs.iterator().next();
        subnets.forEach(subnet -> group.subnets.put(subnet.subnetId(), subnet.availabilityZone()));
        group.tags.putAll(RdsTags.toMap(request.tags()));
        ctx.state.subnetGroups.put(name, group);
        ctx.world.faults().created(group.arn);
        return CreateDbSubnetGroupResponse.builder().dbSubnetGroup(view.subnetGroup(group)).build();
    }

    private List<Subnet> describeSubnets(List<String> subnetIds) {
        try {
            List<Subnet> found = ctx.world.faults().internal(() -> ctx.world.services().ec2(ctx.region)
                    .describeSubnets(DescribeSubnetsRequest.builder().subnetIds(subnetIds).build()).subnets());
            List<Subnet> ordered = new ArrayList<>();
            for (String id : subnetIds) {
                found.stream().filter(s -> s.subnetId().equals(id)).findFirst().ifPresent(ordered::add);
            }
            if (ordered.size() != new TreeSet<>(subnetIds).size()) {
                throw RdsErrors.invalidSubnet("Some input subnets in :" + subnetIds + " are invalid.");
            }
            return ordered;
        } catch (Ec2Exception e) {
            throw RdsErrors.invalidSubnet("Some input subnets in :" + subnetIds + " are invalid.");
        }
    }

    DescribeDbSubnetGroupsResponse describe(DescribeDbSubnetGroupsRequest request) {
        List<DbSubnetGroup> groups;
        if (request.dbSubnetGroupName() != null) {
            DbSubnetGroup group = ctx.subnetGroup(request.dbSubnetGroupName());
            if (!ctx.world.faults().visible(group.arn)) {
                throw RdsErrors.subnetGroupNotFound(request.dbSubnetGroupName());
            }
            groups = List.of(group);
        } else {
            groups = List.copyOf(ctx.state.subnetGroups.values());
        }
        RdsPage<DbSubnetGroup> page = RdsPage.of(groups, g -> g.name, request.marker(), request.maxRecords());
        return DescribeDbSubnetGroupsResponse.builder()
                .dbSubnetGroups(page.items().stream().map(view::subnetGroup).toList())
                .marker(page.nextMarker())
                .build();
    }

    DeleteDbSubnetGroupResponse delete(DeleteDbSubnetGroupRequest request) {
        DbSubnetGroup group = ctx.subnetGroup(required(request.dbSubnetGroupName(), "DBSubnetGroupName"));
        if (ctx.world.dependencies.inUse(group.arn)) {
            throw RdsErrors.subnetGroupInUse(group.name);
        }
        ctx.state.subnetGroups.remove(group.name);
        return DeleteDbSubnetGroupResponse.builder().build();
    }

    static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw RdsErrors.missingParameter(parameter);
        }
        return value;
    }
}
