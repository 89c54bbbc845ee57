package dr.regions.inmemory.acm;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.acm.AcmClient;

/** The in-memory Acm service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeAcm implements AcmClient {
    private final World world;
    private final String region;
    private final AcmState state;

    public FakeAcm(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).acm;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
