package dr.regions.compute;

import dr.regions.topology.Tier;

/** Logical role names of the compute resources, used in step keys, tags and names. */
public final class ComputeRoles {
    private ComputeRoles() {
    }

    public static String launchTemplate(Tier tier) {
        return "lt-" + tier.role();
    }

    public static String autoScalingGroup(Tier tier) {
        return "asg-" + tier.role();
    }
}
