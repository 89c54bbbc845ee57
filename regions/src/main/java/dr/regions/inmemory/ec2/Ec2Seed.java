package dr.regions.inmemory.ec2;

import dr.regions.inmemory.World;

/** What EC2 already has in a new sandbox account: base images in every known region. */
public final class Ec2Seed {
    private Ec2Seed() {
    }

    public static void baseImages(World world) {
    }
}
