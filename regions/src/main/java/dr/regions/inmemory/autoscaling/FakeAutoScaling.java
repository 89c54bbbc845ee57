package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/** The in-memory AutoScaling service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeAutoScaling implements AutoScalingClient {
    private final World world;
    private final String region;
    private final AutoScalingState state;

    public FakeAutoScaling(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).autoScaling;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
