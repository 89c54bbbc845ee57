package dr.regions.compute;

import dr.regions.topology.Tier;

/** Logical role names of the compute resources, used in step keys, tags and names. */
public final class ComputeRoles {
    private ComputeRoles() {
    }

    /**
     * The image step of a tier in a region (package {@code dr.regions.images}): output {@code id}, an AMI usable in
     * that region (the DR region's is the copy AWS Backup made there).
     */
    public static String image(Tier tier) {
        return "image-" + tier.role();
    }

    public static String launchTemplate(Tier tier) {
        return "lt-" + tier.role();
    }

    public static String autoScalingGroup(Tier tier) {
        return "asg-" + tier.role();
    }
}
