package dr.regions.inmemory.world;

import java.time.Instant;
import java.util.function.Function;

/** One service in one region as a fake's operation classes see it: the world, the region, its state, the clock. */
public abstract class ServiceRegion<S> {
    public final World world;
    public final String region;
    public final S state;

    protected ServiceRegion(World world, String region, Function<RegionState, S> service) {
        this.world = world;
        this.region = region;
        this.state = service.apply(world.region(region));
    }

    /** The modeled clock. */
    public Instant now() {
        return world.time();
    }
}
