package dr.regions.security;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.List;

/** One TCP ingress rule: a port from either a CIDR block or another security group. */
public record IngressRule(int port, String cidr, String sourceGroupId) {

    public static IngressRule fromCidr(int port, String cidr) {
        return new IngressRule(port, cidr, null);
    }

    public static IngressRule fromGroup(int port, String groupId) {
        return new IngressRule(port, null, groupId);
    }

    public IpPermission toPermission() {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port);
        if (cidr != null) {
            permission.ipRanges(IpRange.builder().cidrIp(cidr).build());
        } else {
            permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroupId).build());
        }
        return permission.build();
    }

    /** Splits EC2's permissions (which group several sources per port) into single rules. */
    public static List<IngressRule> fromPermissions(List<IpPermission> permissions) {
        List<IngressRule> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            if (!"tcp".equals(permission.ipProtocol()) || permission.fromPort() == null
                    || !permission.fromPort().equals(permission.toPort())) {
                rules.add(new IngressRule(-1, "unmanaged:" + permission, null));
                continue;
            }
            for (IpRange range : permission.ipRanges()) {
                rules.add(fromCidr(permission.fromPort(), range.cidrIp()));
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                rules.add(fromGroup(permission.fromPort(), pair.groupId()));
            }
        }
        return rules;
    }

    public boolean isManaged() {
        return port >= 0;
    }
}
