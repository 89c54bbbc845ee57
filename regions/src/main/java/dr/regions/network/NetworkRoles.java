package dr.regions.network;

import dr.core.model.SubnetRole;
import dr.core.model.ZonePair;

/** Logical role names of the network resources, used in tags, names and step keys. */
public final class NetworkRoles {
    public static final String VPC = "vpc";
    public static final String INTERNET_GATEWAY = "igw";
    public static final String PUBLIC_ROUTES = "rtb-public";
    /**
     * The bastion's instance type (a bastion only forwards SSH). Kept with the network because zone selection must
     * find zones that offer every type launched in the subnets, and the network must not depend on the images package.
     */
    public static final String BASTION_INSTANCE_TYPE = "t3.micro";

    private NetworkRoles() {
    }

    public static String subnet(SubnetRole subnet) {
        return "subnet-" + subnet.role();
    }

    /** NAT gateway in the public subnet of zone a (and b with one NAT per AZ). */
    public static String nat(int zoneIndex) {
        return "nat-" + zone(zoneIndex);
    }

    public static String natAddress(int zoneIndex) {
        return "eip-nat-" + zone(zoneIndex);
    }

    /** Private route table: one in all, or one per zone with a NAT per AZ. */
    public static String privateRoutes(int zoneIndex) {
        return "rtb-private-" + zone(zoneIndex);
    }

    private static String zone(int zoneIndex) {
        return ZonePair.slot(zoneIndex);
    }
}
