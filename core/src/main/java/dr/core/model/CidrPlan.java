package dr.core.model;

import dr.core.DrException;

import java.util.EnumMap;
import java.util.Map;

/** Splits a VPC block into the eight equal subnets of the stack, in {@link SubnetRole} order. */
public final class CidrPlan {
    public static final int MIN_VPC_PREFIX = 16;
    public static final int MAX_VPC_PREFIX = 24;
    private static final int SUBNET_BITS = 3;

    private final Cidr vpc;
    private final Map<SubnetRole, Cidr> subnets = new EnumMap<>(SubnetRole.class);

    public CidrPlan(Cidr vpc) {
        if (vpc.prefix() < MIN_VPC_PREFIX || vpc.prefix() > MAX_VPC_PREFIX) {
            throw DrException.badInput("VPC CIDR " + vpc + " must be between /" + MIN_VPC_PREFIX + " and /"
                    + MAX_VPC_PREFIX + " (AWS allows /16 to /28, and 8 subnets need room)");
        }
        this.vpc = vpc;
        for (SubnetRole role : SubnetRole.values()) {
            subnets.put(role, vpc.subnet(vpc.prefix() + SUBNET_BITS, role.ordinal()));
        }
    }

    public Cidr vpc() {
        return vpc;
    }

    public Cidr subnet(SubnetRole role) {
        return subnets.get(role);
    }
}
