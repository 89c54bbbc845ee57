package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Security group rules between the API's shape ({@code IpPermission}: one protocol and port range with many
 * peers) and AWS's own unit, the rule (one peer each, with an {@code sgr-} id). Two rules are the same rule when
 * direction, protocol, ports and peer match; the description does not count.
 */
final class SecurityGroupRules {
    private SecurityGroupRules() {
    }

    /** The rules an IpPermission list asks for (ids not yet assigned). Checks what AWS checks. */
    static List<Ec2State.Rule> fromPermissions(List<IpPermission> permissions, boolean egress, Ec2Context ctx) {
        List<Ec2State.Rule> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            Ec2Errors.require(permission.ipProtocol(), "IpPermissions.IpProtocol");
            String protocol = protocol(permission.ipProtocol());
            Integer from = null;
            Integer to = null;
            if (protocol.equals("tcp") || protocol.equals("udp")) {
                if (permission.fromPort() == null || permission.toPort() == null) {
                    throw Ec2Errors.invalidValue("Invalid value 'Must specify both from and to ports with TCP/UDP.'"
                            + " for portRange");
                }
                if (permission.fromPort() < 0 || permission.toPort() > 65535
                        || permission.fromPort() > permission.toPort()) {
                    throw Ec2Errors.invalidValue("Invalid value '" + permission.fromPort() + "-" + permission.toPort()
                            + "' for portRange. Must be in the range 0-65535 with from port <= to port.");
                }
                from = permission.fromPort();
                to = permission.toPort();
            } else if (protocol.equals("icmp")) {
                from = permission.fromPort() == null ? -1 : permission.fromPort();
                to = permission.toPort() == null ? -1 : permission.toPort();
            }
            if (!permission.prefixListIds().isEmpty()) {
                throw Ec2Errors.invalidValue("Prefix list rules are not supported by the in-memory cloud");
            }
            for (IpRange range : permission.ipRanges()) {
                Ec2Errors.require(range.cidrIp(), "IpRanges.CidrIp");
                Ec2State.Rule rule = rule(egress, protocol, from, to, range.description());
                rule.cidrIpv4 = VpcOperations.parseCidr(range.cidrIp(), "cidrIp").toString();
                rules.add(rule);
            }
            for (Ipv6Range range : permission.ipv6Ranges()) {
                Ec2Errors.require(range.cidrIpv6(), "Ipv6Ranges.CidrIpv6");
                Ec2State.Rule rule = rule(egress, protocol, from, to, range.description());
                rule.cidrIpv6 = range.cidrIpv6();
                rules.add(rule);
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                Ec2Errors.require(pair.groupId(), "UserIdGroupPairs.GroupId");
                ctx.securityGroup(pair.groupId());
                Ec2State.Rule rule = rule(egress, protocol, from, to, pair.description());
                rule.referencedGroupId = pair.groupId();
                rules.add(rule);
            }
        }
        return rules;
    }

    private static Ec2State.Rule rule(boolean egress, String protocol, Integer from, Integer to, String description) {
        Ec2State.Rule rule = new Ec2State.Rule();
        rule.egress = egress;
        rule.protocol = protocol;
        rule.fromPort = from;
        rule.toPort = to;
        rule.description = description;
        return rule;
    }

    /** {@code TCP}, {@code 6} → {@code tcp}; {@code -1}/{@code all} → {@code -1}; other numbers stay numbers. */
    static String protocol(String given) {
        String lower = given.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "tcp", "6":
                return "tcp";
            case "udp", "17":
                return "udp";
            case "icmp", "1":
                return "icmp";
            case "-1", "all":
                return "-1";
            default:
                if (lower.matches("\\d{1,3}") && Integer.parseInt(lower) <= 255) {
                    return lower;
                }
                throw Ec2Errors.invalidValue("Invalid value '" + given + "' for IP protocol. Unknown protocol.");
        }
    }

    static boolean same(Ec2State.Rule a, Ec2State.Rule b) {
        return a.egress == b.egress && a.protocol.equals(b.protocol) && Objects.equals(a.fromPort, b.fromPort)
                && Objects.equals(a.toPort, b.toPort) && Objects.equals(a.cidrIpv4, b.cidrIpv4)
                && Objects.equals(a.cidrIpv6, b.cidrIpv6) && Objects.equals(a.referencedGroupId, b.referencedGroupId);
    }

    /** How AWS names a rule in InvalidPermission.Duplicate: {@code peer: 0.0.0.0/0, TCP, from port: 80, ...}. */
    static String describe(Ec2State.Rule rule) {
        String peer = rule.cidrIpv4 != null ? rule.cidrIpv4 : rule.cidrIpv6 != null ? rule.cidrIpv6
                : rule.referencedGroupId;
        String protocol = rule.protocol.equals("-1") ? "ALL" : rule.protocol.toUpperCase(Locale.ROOT);
        String ports = rule.fromPort == null ? "" : ", from port: " + rule.fromPort + ", to port: " + rule.toPort;
        return "peer: " + peer + ", " + protocol + ports + ", ALLOW";
    }

    /** Rules grouped back into IpPermissions by protocol and ports, in the order they were added. */
    static List<IpPermission> toPermissions(List<Ec2State.Rule> rules) {
        Map<String, IpPermission.Builder> byRange = new LinkedHashMap<>();
        Map<String, List<IpRange>> ipv4 = new LinkedHashMap<>();
        Map<String, List<Ipv6Range>> ipv6 = new LinkedHashMap<>();
        Map<String, List<UserIdGroupPair>> groups = new LinkedHashMap<>();
        for (Ec2State.Rule rule : rules) {
            String key = rule.protocol + "|" + rule.fromPort + "|" + rule.toPort;
            byRange.computeIfAbsent(key, k -> IpPermission.builder()
                    .ipProtocol(rule.protocol).fromPort(rule.fromPort).toPort(rule.toPort));
            if (rule.cidrIpv4 != null) {
                ipv4.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(IpRange.builder().cidrIp(rule.cidrIpv4).description(rule.description).build());
            } else if (rule.cidrIpv6 != null) {
                ipv6.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(Ipv6Range.builder().cidrIpv6(rule.cidrIpv6).description(rule.description).build());
            } else {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(UserIdGroupPair.builder()
                        .groupId(rule.referencedGroupId).userId(World.ACCOUNT_ID).description(rule.description)
                        .build());
            }
        }
        List<IpPermission> out = new ArrayList<>();
        byRange.forEach((key, builder) -> out.add(builder
                .ipRanges(ipv4.getOrDefault(key, List.of()))
                .ipv6Ranges(ipv6.getOrDefault(key, List.of()))
                .userIdGroupPairs(groups.getOrDefault(key, List.of()))
                .prefixListIds(List.of())
                .build()));
        return out;
    }

    static SecurityGroupRule toSdk(Ec2State.SecurityGroup group, Ec2State.Rule rule, Ec2Context ctx) {
        SecurityGroupRule.Builder out = SecurityGroupRule.builder()
                .securityGroupRuleId(rule.ruleId)
                .groupId(group.id)
                .groupOwnerId(World.ACCOUNT_ID)
                .isEgress(rule.egress)
                .ipProtocol(rule.protocol)
                // DescribeSecurityGroupRules reports -1 for the ports of an all-protocols rule.
                .fromPort(rule.fromPort == null ? -1 : rule.fromPort)
                .toPort(rule.toPort == null ? -1 : rule.toPort)
                .cidrIpv4(rule.cidrIpv4)
                .cidrIpv6(rule.cidrIpv6)
                .description(rule.description)
                .securityGroupRuleArn(ctx.arn("security-group-rule/" + rule.ruleId))
                .tags(List.of());
        if (rule.referencedGroupId != null) {
            out.referencedGroupInfo(ReferencedSecurityGroup.builder()
                    .groupId(rule.referencedGroupId).userId(World.ACCOUNT_ID).build());
        }
        return out.build();
    }

    /** The IpPermission one rule is, for UnknownIpPermissions answers. */
    static IpPermission toPermission(Ec2State.Rule rule) {
        return toPermissions(List.of(rule)).get(0);
    }
}
