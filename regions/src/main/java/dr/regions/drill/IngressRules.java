package dr.regions.drill;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Security-group ingress permissions as a drill saves them: exactly as EC2 describes them (protocol, ports, every
 * source with its description) in plain JSON values for the journal, and split into single rules (one source each)
 * to compare what is there with what was saved, whatever grouping EC2 chose.
 */
public final class IngressRules {
    private static final int HTTP = 80;
    private static final int HTTPS = 443;

    private IngressRules() {
    }

    /** One rule: a protocol, a port range and one source; descriptions are not part of a rule's identity. */
    public record Rule(String protocol, Integer fromPort, Integer toPort, String sourceType, String source) {
    }

    /** True when {@code permission} lets HTTP or HTTPS in: TCP over a range holding 80 or 443, or all traffic. */
    public static boolean admitsWeb(IpPermission permission) {
        String protocol = protocol(permission.ipProtocol());
        if ("-1".equals(protocol)) {
            return true;
        }
        if (!"tcp".equals(protocol)) {
            return false;
        }
        Integer from = permission.fromPort();
        Integer to = permission.toPort();
        if (from == null || from == -1) {
            return true;
        }
        return covers(from, to, HTTP) || covers(from, to, HTTPS);
    }

    private static boolean covers(int from, Integer to, int port) {
        return from <= port && port <= (to == null ? from : to);
    }

    /** {@code tcp} and {@code 6} name the same protocol, as do {@code -1} and {@code all}. */
    static String protocol(String value) {
        String p = value == null ? "-1" : value.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "all" -> "-1";
            default -> p;
        };
    }

    public static Set<Rule> rules(List<IpPermission> permissions) {
        Set<Rule> rules = new LinkedHashSet<>();
        permissions.forEach(p -> rules.addAll(rules(p)));
        return rules;
    }

    public static List<Rule> rules(IpPermission p) {
        String protocol = protocol(p.ipProtocol());
        Integer from = "-1".equals(protocol) ? null : p.fromPort();
        Integer to = "-1".equals(protocol) ? null : p.toPort();
        List<Rule> rules = new ArrayList<>();
        p.ipRanges().forEach(r -> rules.add(new Rule(protocol, from, to, "cidr", r.cidrIp())));
        p.ipv6Ranges().forEach(r -> rules.add(new Rule(protocol, from, to, "cidr6", r.cidrIpv6())));
        p.prefixListIds().forEach(r -> rules.add(new Rule(protocol, from, to, "prefix-list", r.prefixListId())));
        p.userIdGroupPairs().forEach(r -> rules.add(new Rule(protocol, from, to, "group", r.groupId())));
        return rules;
    }

    /** {@code permission} with only the sources for which {@code keep} holds; null when none is left. */
    public static IpPermission only(IpPermission permission, Predicate<Rule> keep) {
        String protocol = protocol(permission.ipProtocol());
        Integer from = "-1".equals(protocol) ? null : permission.fromPort();
        Integer to = "-1".equals(protocol) ? null : permission.toPort();
        List<IpRange> v4 = permission.ipRanges().stream()
                .filter(r -> keep.test(new Rule(protocol, from, to, "cidr", r.cidrIp()))).toList();
        List<Ipv6Range> v6 = permission.ipv6Ranges().stream()
                .filter(r -> keep.test(new Rule(protocol, from, to, "cidr6", r.cidrIpv6()))).toList();
        List<PrefixListId> lists = permission.prefixListIds().stream()
                .filter(r -> keep.test(new Rule(protocol, from, to, "prefix-list", r.prefixListId()))).toList();
        List<UserIdGroupPair> groups = permission.userIdGroupPairs().stream()
                .filter(r -> keep.test(new Rule(protocol, from, to, "group", r.groupId()))).toList();
        if (v4.isEmpty() && v6.isEmpty() && lists.isEmpty() && groups.isEmpty()) {
            return null;
        }
        return permission.toBuilder().ipRanges(v4).ipv6Ranges(v6).prefixListIds(lists).userIdGroupPairs(groups)
                .build();
    }

    /** Plain JSON values: everything EC2 needs to authorize the permission again, descriptions included. */
    public static Map<String, Object> toMap(IpPermission p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ipProtocol", p.ipProtocol());
        if (p.fromPort() != null) {
            map.put("fromPort", p.fromPort());
        }
        if (p.toPort() != null) {
            map.put("toPort", p.toPort());
        }
        map.put("ipRanges", p.ipRanges().stream().map(r -> source("cidrIp", r.cidrIp(), r.description())).toList());
        map.put("ipv6Ranges", p.ipv6Ranges().stream()
                .map(r -> source("cidrIpv6", r.cidrIpv6(), r.description())).toList());
        map.put("prefixListIds", p.prefixListIds().stream()
                .map(r -> source("prefixListId", r.prefixListId(), r.description())).toList());
        map.put("userIdGroupPairs", p.userIdGroupPairs().stream().map(r -> {
            Map<String, Object> pair = source("groupId", r.groupId(), r.description());
            if (r.userId() != null) {
                pair.put("userId", r.userId());
            }
            return pair;
        }).toList());
        return map;
    }

    public static IpPermission fromMap(Map<String, Object> map) {
        return IpPermission.builder()
                .ipProtocol(String.valueOf(map.get("ipProtocol")))
                .fromPort(map.get("fromPort") instanceof Number n ? n.intValue() : null)
                .toPort(map.get("toPort") instanceof Number n ? n.intValue() : null)
                .ipRanges(list(map, "ipRanges").stream().map(s -> IpRange.builder().cidrIp(text(s, "cidrIp"))
                        .description(text(s, "description")).build()).toList())
                .ipv6Ranges(list(map, "ipv6Ranges").stream().map(s -> Ipv6Range.builder()
                        .cidrIpv6(text(s, "cidrIpv6")).description(text(s, "description")).build()).toList())
                .prefixListIds(list(map, "prefixListIds").stream().map(s -> PrefixListId.builder()
                        .prefixListId(text(s, "prefixListId")).description(text(s, "description")).build()).toList())
                .userIdGroupPairs(list(map, "userIdGroupPairs").stream().map(s -> UserIdGroupPair.builder()
                        .groupId(text(s, "groupId")).userId(text(s, "userId")).description(text(s, "description"))
                        .build()).toList())
                .build();
    }

    private static Map<String, Object> source(String key, String value, String description) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        if (description != null) {
            map.put("description", description);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : Objects.toString(value);
    }
}
