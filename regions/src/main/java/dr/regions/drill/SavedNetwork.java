package dr.regions.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which network ACL each of the primary load balancers' subnets was associated with before the network fault moved
 * them to the drill's deny-all ACL: journaled first, so that {@code restore} puts every subnet back on its own ACL,
 * also from another process after a crash.
 */
public record SavedNetwork(String region, String vpcId, List<Subnet> subnets) {

    /** One subnet and the network ACL it was associated with. */
    public record Subnet(String subnetId, String networkAclId) {
    }

    public SavedNetwork {
        subnets = List.copyOf(subnets);
    }

    /** e.g. {@code subnet-0a (acl-01), subnet-0b (acl-01) in us-east-1}. */
    public String describe() {
        return String.join(", ", subnets.stream().map(s -> s.subnetId() + " (" + s.networkAclId() + ")").toList())
                + " in " + region;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("region", region);
        map.put("vpcId", vpcId);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Subnet subnet : subnets) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subnetId", subnet.subnetId());
            s.put("networkAclId", subnet.networkAclId());
            list.add(s);
        }
        map.put("subnets", list);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SavedNetwork fromMap(Map<String, Object> map) {
        List<Subnet> subnets = new ArrayList<>();
        if (map.get("subnets") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> s = (Map<String, Object>) item;
                subnets.add(new Subnet(String.valueOf(s.get("subnetId")), String.valueOf(s.get("networkAclId"))));
            }
        }
        return new SavedNetwork(String.valueOf(map.get("region")), String.valueOf(map.get("vpcId")), subnets);
    }
}
