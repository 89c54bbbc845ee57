package dr.regions.inmemory.cloudfront;

import dr.regions.drill.EdgeProbe;
import dr.regions.inmemory.cloudfront.EdgeSimulator.EdgeResponse;
import dr.regions.inmemory.world.World;

/**
 * The sandbox's viewer: asks the in-memory CloudFront what it would serve ({@link EdgeSimulator}), judged from the
 * real state of the in-memory cloud. The time a request spends on a dead origin is modeled, not waited for.
 */
public final class SandboxEdgeProbe implements EdgeProbe {
    private final World world;

    public SandboxEdgeProbe(World world) {
        this.world = world;
    }

    @Override
    public Answer get(String host, String path) {
        EdgeResponse response = new EdgeSimulator(world).get(host, path);
        String error = response.statusCode() == 0 ? "the name does not resolve to a deployed distribution"
                : response.originId() == null ? "no origin answered" : null;
        return new Answer(response.statusCode(), response.body(), EdgeProbe.regionOf(response.body()),
                response.originId(), world.time(), response.elapsed(), error);
    }
}
