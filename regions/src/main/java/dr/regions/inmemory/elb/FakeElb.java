package dr.regions.inmemory.elb;

import dr.regions.inmemory.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The in-memory Elb service. Operations dr does not use keep the SDK's default: they throw. */
public final class FakeElb implements ElasticLoadBalancingV2Client {
    private final World world;
    private final String region;
    private final ElbState state;

    public FakeElb(World world, String region) {
        this.world = world;
        this.region = region;
        this.state = world.region(region).elb;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
