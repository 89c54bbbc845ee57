package dr.regions.inmemory.route53;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.route53.Route53Client;

/** The in-memory Route53 service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeRoute53 implements Route53Client {
    private final World world;
    private final Route53State state;

    public FakeRoute53(World world) {
        this.world = world;
        this.state = world.route53;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
