package dr.regions.inmemory.cloudfront;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** The in-memory CloudFront service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeCloudFront implements CloudFrontClient {
    private final World world;
    private final CloudFrontState state;

    public FakeCloudFront(World world) {
        this.world = world;
        this.state = world.cloudFront;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
