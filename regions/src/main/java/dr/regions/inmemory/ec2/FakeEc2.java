package dr.regions.inmemory.ec2;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The in-memory Ec2 service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeEc2 implements Ec2Client {
    private final World world;
    private final String region;
    private final Ec2State state;

    public FakeEc2(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).ec2;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
