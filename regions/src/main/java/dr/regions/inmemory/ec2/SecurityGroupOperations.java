package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Security groups and their rules. New groups get AWS's allow-all egress rule; each VPC has a "default" group
 * that cannot be deleted; a group cannot be deleted while a rule of another group, an instance, or another
 * service's resource (via the world's dependencies) still refers to it.
 */
final class SecurityGroupOperations {
    private static final Set<String> FILTERS = Set.of("group-id", "group-name", "vpc-id", "description", "owner-id",
            "ip-permission.cidr", "ip-permission.group-id", "ip-permission.from-port", "ip-permission.to-port",
            "ip-permission.protocol", "egress.ip-permission.cidr", "egress.ip-permission.group-id");
    private static final Set<String> RULE_FILTERS = Set.of("group-id", "security-group-rule-id");

    private final Ec2Context ctx;

    SecurityGroupOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    Ec2State.SecurityGroup createDefaultGroup(Ec2State.Vpc vpc) {
        Ec2State.SecurityGroup group = newGroup(vpc.id, "default", "default VPC security group");
        Ec2State.Rule fromItself = new Ec2State.Rule();
        fromItself.protocol = "-1";
        fromItself.referencedGroupId = group.id;
        add(group, fromItself);
        return group;
    }

    CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
        Ec2Errors.require(request.groupName(), "GroupName");
        Ec2Errors.require(request.description(), "GroupDescription");
        if (request.vpcId() == null) {
            // dr's accounts have no default VPC to fall back on.
            throw Ec2Errors.error("VPCIdNotSpecified", "No default VPC for this user");
        }
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        if (request.groupName().startsWith("sg-")) {
            throw Ec2Errors.invalidValue("Group names may not be in the format sg-*");
        }
        if (request.groupName().length() > 255) {
            throw Ec2Errors.invalidValue("GroupName", request.groupName());
        }
        boolean taken = ctx.state.securityGroups.values().stream()
                .anyMatch(g -> g.vpcId.equals(vpc.id) && g.groupName.equals(request.groupName()));
        if (taken) {
            throw Ec2Errors.error("InvalidGroup.Duplicate",
                    "The security group '" + request.groupName() + "' already exists for VPC '" + vpc.id + "'");
        }
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "security-group");
        Ec2State.SecurityGroup group = newGroup(vpc.id, request.groupName(), request.description());
        group.tags = tags;
        return CreateSecurityGroupResponse.builder()
                .groupId(group.id)
                .securityGroupArn(arn(group))
                .tags(Ec2Tags.toSdk(group.tags))
                .build();
    }

    /** A new group with AWS's default egress rule: all traffic to 0.0.0.0/0. */
    private Ec2State.SecurityGroup newGroup(String vpcId, String name, String description) {
        Ec2State.SecurityGroup group = new Ec2State.SecurityGroup();
        group.id = ctx.newId("sg");
        group.vpcId = vpcId;
        group.groupName = name;
        group.description = description;
        Ec2State.Rule allOut = new Ec2State.Rule();
        allOut.egress = true;
        allOut.protocol = "-1";
        allOut.cidrIpv4 = "0.0.0.0/0";
        add(group, allOut);
        ctx.state.securityGroups.put(group.id, ctx.created(group));
        return group;
    }

    private void add(Ec2State.SecurityGroup group, Ec2State.Rule rule) {
        rule.ruleId = ctx.newId("sgr");
        group.rules.add(rule);
    }

    AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
        Ec2State.SecurityGroup group = group(request.groupId(), request.groupName());
        List<IpPermission> permissions = permissions(request.ipPermissions(), request.ipProtocol(),
                request.fromPort(), request.toPort(), request.cidrIp());
        List<SecurityGroupRule> added = authorize(group, permissions, false);
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).securityGroupRules(added).build();
    }

    AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest request) {
        Ec2State.SecurityGroup group = ctx.securityGroup(request.groupId());
        List<IpPermission> permissions = permissions(request.ipPermissions(), request.ipProtocol(),
                request.fromPort(), request.toPort(), request.cidrIp());
        List<SecurityGroupRule> added = authorize(group, permissions, true);
        return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true).securityGroupRules(added).build();
    }

    /** All or nothing: if any requested rule exists already, none is added. */
    private List<SecurityGroupRule> authorize(Ec2State.SecurityGroup group, List<IpPermission> permissions,
            boolean egress) {
        List<Ec2State.Rule> wanted = SecurityGroupRules.fromPermissions(permissions, egress, ctx);
        if (wanted.isEmpty()) {
            throw Ec2Errors.missing("IpPermissions");
        }
        for (int i = 0; i < wanted.size(); i++) {
            Ec2State.Rule rule = wanted.get(i);
            boolean exists = group.rules.stream().anyMatch(r -> SecurityGroupRules.same(r, rule));
            if (exists) {
                throw Ec2Errors.error("InvalidPermission.Duplicate",
                        "the specified rule \"" + SecurityGroupRules.describe(rule) + "\" already exists");
            }
            for (int j = 0; j < i; j++) {
                if (SecurityGroupRules.same(wanted.get(j), rule)) {
                    throw Ec2Errors.invalidValue("The same permission must not appear multiple times");
                }
            }
        }
        List<SecurityGroupRule> added = new ArrayList<>();
        for (Ec2State.Rule rule : wanted) {
            add(group, rule);
            added.add(SecurityGroupRules.toSdk(group, rule, ctx));
        }
        return added;
    }

    RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request) {
        Ec2State.SecurityGroup group = group(request.groupId(), request.groupName());
        Revoked revoked = revoke(group, request.securityGroupRuleIds(), permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp()), false);
        return RevokeSecurityGroupIngressResponse.builder()
                .returnValue(true)
                .revokedSecurityGroupRules(revoked.rules())
                .unknownIpPermissions(revoked.unknown())
                .build();
    }

    RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest request) {
        Ec2State.SecurityGroup group = ctx.securityGroup(request.groupId());
        Revoked revoked = revoke(group, request.securityGroupRuleIds(), permissions(request.ipPermissions(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.cidrIp()), true);
        return RevokeSecurityGroupEgressResponse.builder()
                .returnValue(true)
                .revokedSecurityGroupRules(revoked.rules())
                .unknownIpPermissions(revoked.unknown())
                .build();
    }

    private record Revoked(List<RevokedSecurityGroupRule> rules, List<IpPermission> unknown) {
    }

    /**
     * Revokes by rule id (every id must exist) or by permission. When none of the given permissions matches a
     * rule AWS answers InvalidPermission.NotFound; when only some do, it revokes those and lists the others as
     * UnknownIpPermissions.
     */
    private Revoked revoke(Ec2State.SecurityGroup group, List<String> ruleIds, List<IpPermission> permissions,
            boolean egress) {
        List<Ec2State.Rule> toRemove = new ArrayList<>();
        List<IpPermission> unknown = new ArrayList<>();
        if (!ruleIds.isEmpty()) {
            for (String ruleId : ruleIds) {
                Ec2State.Rule rule = group.rules.stream()
                        .filter(r -> r.ruleId.equals(ruleId) && r.egress == egress).findFirst()
                        .orElseThrow(() -> Ec2Errors.error("InvalidSecurityGroupRuleId.NotFound",
                                "The security group rule ID '" + ruleId + "' does not exist"));
                toRemove.add(rule);
            }
        } else {
            List<Ec2State.Rule> wanted = SecurityGroupRules.fromPermissions(permissions, egress, ctx);
            if (wanted.isEmpty()) {
                throw Ec2Errors.missing("IpPermissions");
            }
            for (Ec2State.Rule rule : wanted) {
                group.rules.stream().filter(r -> SecurityGroupRules.same(r, rule)).findFirst()
                        .ifPresentOrElse(toRemove::add, () -> unknown.add(SecurityGroupRules.toPermission(rule)));
            }
            if (toRemove.isEmpty()) {
                throw Ec2Errors.error("InvalidPermission.NotFound",
                        "The specified rule does not exist in this security group.");
            }
        }
        List<RevokedSecurityGroupRule> revoked = new ArrayList<>();
        for (Ec2State.Rule rule : toRemove) {
            group.rules.remove(rule);
            revoked.add(RevokedSecurityGroupRule.builder()
                    .securityGroupRuleId(rule.ruleId)
                    .groupId(group.id)
                    .isEgress(rule.egress)
                    .ipProtocol(rule.protocol)
                    .fromPort(rule.fromPort)
                    .toPort(rule.toPort)
                    .cidrIpv4(rule.cidrIpv4)
                    .cidrIpv6(rule.cidrIpv6)
                    .referencedGroupId(rule.referencedGroupId)
                    .description(rule.description)
                    .build());
        }
        return new Revoked(revoked, unknown);
    }

    /** The IpPermissions of a request, or the one permission its older top-level fields describe. */
    private static List<IpPermission> permissions(List<IpPermission> permissions, String protocol, Integer from,
            Integer to, String cidrIp) {
        if (!permissions.isEmpty() || protocol == null) {
            return permissions;
        }
        IpPermission.Builder permission = IpPermission.builder().ipProtocol(protocol).fromPort(from).toPort(to);
        if (cidrIp != null) {
            permission.ipRanges(IpRange.builder().cidrIp(cidrIp).build());
        }
        return List.of(permission.build());
    }

    /** By id; by name only in a default VPC, which dr's accounts do not have. */
    private Ec2State.SecurityGroup group(String groupId, String groupName) {
        if (groupId == null && groupName != null) {
            throw noDefaultVpcGroup(groupName);
        }
        return ctx.securityGroup(groupId);
    }

    private static RuntimeException noDefaultVpcGroup(String groupName) {
        return Ec2Errors.error("InvalidGroup.NotFound",
                "The security group '" + groupName + "' does not exist in default VPC 'none'");
    }

    DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request) {
        Ec2State.SecurityGroup group = group(request.groupId(), request.groupName());
        if (group.groupName.equals("default")) {
            throw Ec2Errors.error("CannotDelete",
                    "the specified group: \"" + group.id + "\" name: \"default\" cannot be deleted by a user");
        }
        ctx.sweepExpired();
        boolean referenced = ctx.state.securityGroups.values().stream()
                .filter(other -> !other.id.equals(group.id))
                .anyMatch(other -> other.rules.stream().anyMatch(r -> group.id.equals(r.referencedGroupId)));
        boolean usedByInstance = ctx.state.instances.values().stream()
                .anyMatch(i -> i.securityGroupIds.contains(group.id) && ctx.instanceAlive(i));
        if (referenced || usedByInstance || ctx.world.dependencies.inUse(group.id)) {
            throw Ec2Errors.error("DependencyViolation", "resource " + group.id + " has a dependent object");
        }
        ctx.state.securityGroups.remove(group.id);
        return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(group.id).build();
    }

    DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        if (!request.groupNames().isEmpty()) {
            throw noDefaultVpcGroup(request.groupNames().get(0));
        }
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.SecurityGroup> groups = ctx.select(ctx.state.securityGroups, request.groupIds(),
                Ec2Context::groupNotFound, filter, this::attribute);
        Ec2Pages.Page<Ec2State.SecurityGroup> page =
                Ec2Pages.page(groups, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeSecurityGroupsResponse.builder()
                .securityGroups(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.SecurityGroup group, String name) {
        List<String> values = new ArrayList<>();
        switch (name) {
            case "group-id" -> values.add(group.id);
            case "group-name" -> values.add(group.groupName);
            case "vpc-id" -> values.add(group.vpcId);
            case "description" -> values.add(group.description);
            case "owner-id" -> values.add(World.ACCOUNT_ID);
            default -> {
                boolean egress = name.startsWith("egress.");
                String field = name.substring(name.lastIndexOf('.') + 1);
                for (Ec2State.Rule rule : group.rules) {
                    if (rule.egress != egress) {
                        continue;
                    }
                    switch (field) {
                        case "cidr" -> values.add(rule.cidrIpv4);
                        case "group-id" -> values.add(rule.referencedGroupId);
                        case "from-port" -> values.add(rule.fromPort == null ? null : rule.fromPort.toString());
                        case "to-port" -> values.add(rule.toPort == null ? null : rule.toPort.toString());
                        case "protocol" -> values.add(rule.protocol);
                        default -> {
                        }
                    }
                }
            }
        }
        return values;
    }

    DescribeSecurityGroupRulesResponse describeSecurityGroupRules(DescribeSecurityGroupRulesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), RULE_FILTERS);
        List<SecurityGroupRule> rules = new ArrayList<>();
        Set<String> wantedIds = new LinkedHashSet<>(request.securityGroupRuleIds());
        Set<String> seenIds = new HashSet<>();
        for (Ec2State.SecurityGroup group : ctx.state.securityGroups.values()) {
            for (Ec2State.Rule rule : group.rules) {
                if (!wantedIds.isEmpty() && !wantedIds.contains(rule.ruleId)) {
                    continue;
                }
                seenIds.add(rule.ruleId);
                boolean matches = filter.matches(Map.of(), name -> switch (name) {
                    case "group-id" -> List.of(group.id);
                    case "security-group-rule-id" -> List.of(rule.ruleId);
                    default -> List.of();
                });
                if (matches) {
                    rules.add(SecurityGroupRules.toSdk(group, rule, ctx));
                }
            }
        }
        for (String id : wantedIds) {
            if (!seenIds.contains(id)) {
                throw Ec2Errors.error("InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID '" + id + "' does not exist");
            }
        }
        Ec2Pages.Page<SecurityGroupRule> page =
                Ec2Pages.page(rules, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeSecurityGroupRulesResponse.builder()
                .securityGroupRules(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    private String arn(Ec2State.SecurityGroup group) {
        return ctx.arn("security-group/" + group.id);
    }

    private SecurityGroup toSdk(Ec2State.SecurityGroup group) {
        return SecurityGroup.builder()
                .groupId(group.id)
                .groupName(group.groupName)
                .description(group.description)
                .vpcId(group.vpcId)
                .ownerId(World.ACCOUNT_ID)
                .securityGroupArn(arn(group))
                .ipPermissions(SecurityGroupRules.toPermissions(group.rules.stream().filter(r -> !r.egress).toList()))
                .ipPermissionsEgress(SecurityGroupRules.toPermissions(group.rules.stream().filter(r -> r.egress)
                        .toList()))
                .tags(Ec2Tags.toSdk(group.tags))
                .build();
    }
}
