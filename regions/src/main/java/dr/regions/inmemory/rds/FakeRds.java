package dr.regions.inmemory.rds;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.rds.RdsClient;

/** The in-memory Rds service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeRds implements RdsClient {
    private final World world;
    private final String region;
    private final RdsState state;

    public FakeRds(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).rds;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
