package dr.regions.inmemory.wafv2;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

/** The in-memory Wafv2 service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeWafv2 implements Wafv2Client {
    private final World world;
    private final String region;
    private final Wafv2State state;

    public FakeWafv2(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).wafv2;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
