package dr.regions.inmemory;

import dr.regions.inmemory.ec2.Ec2Seed;
import dr.regions.inmemory.route53.Route53Seed;
import dr.regions.inmemory.world.World;

/**
 * What a real account already has before dr runs: base AMIs in every region and a public hosted zone for
 * {@code example.com}. The service fakes each contribute their part.
 */
public final class SandboxAccount {
    public static final String PUBLIC_DOMAIN = "example.com";

    private SandboxAccount() {
    }

    public static World create() {
        World world = new World();
        ServiceFakes.connect(world);
        Ec2Seed.baseImages(world);
        Route53Seed.publicZone(world, PUBLIC_DOMAIN);
        return world;
    }
}
