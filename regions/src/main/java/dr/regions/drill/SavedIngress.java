package dr.regions.drill;

import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact HTTP/HTTPS ingress permissions of the primary load balancers' security groups, saved to the journal before
 * the ingress fault revokes them: what {@code restore} puts back, also from another process after a crash.
 */
public record SavedIngress(String region, List<Group> groups) {

    /** One security group and the permissions of it that the fault revokes. */
    public record Group(String groupId, String role, List<IpPermission> permissions) {
        public Group {
            permissions = List.copyOf(permissions);
        }
    }

    public SavedIngress {
        groups = List.copyOf(groups);
    }

    public int ruleCount() {
        return groups.stream().mapToInt(g -> IngressRules.rules(g.permissions()).size()).sum();
    }

    /** e.g. {@code sg-0a (sg-alb-web), sg-0b (sg-alb-app) in us-east-1}. */
    public String describe() {
        return String.join(", ", groups.stream().map(g -> g.groupId() + " (" + g.role() + ")").toList()) + " in "
                + region;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("region", region);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Group group : groups) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("groupId", group.groupId());
            g.put("role", group.role());
            g.put("permissions", group.permissions().stream().map(IngressRules::toMap).toList());
            list.add(g);
        }
        map.put("groups", list);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SavedIngress fromMap(Map<String, Object> map) {
        List<Group> groups = new ArrayList<>();
        if (map.get("groups") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> g = (Map<String, Object>) item;
                List<IpPermission> permissions = new ArrayList<>();
                if (g.get("permissions") instanceof List<?> perms) {
                    perms.forEach(p -> permissions.add(IngressRules.fromMap((Map<String, Object>) p)));
                }
                groups.add(new Group(String.valueOf(g.get("groupId")), String.valueOf(g.get("role")), permissions));
            }
        }
        return new SavedIngress(String.valueOf(map.get("region")), groups);
    }
}
