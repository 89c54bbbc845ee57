package dr.regions.inmemory;

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
        // Filled in by the EC2 fake (base images per known region) and the Route 53 fake (public zone).
        return world;
    }
}
