package dr.regions.inmemory.route53;

import dr.regions.inmemory.World;

/**
 * Route 53's health checkers: called before every call to the in-memory cloud, it samples each health check
 * at every request-interval boundary since the last sample. State only changes through calls, so sampling
 * just before each call sees every change at the modeled time it happened.
 */
public final class HealthCheckSampler {
    private HealthCheckSampler() {
    }

    public static void sample(World world) {
    }
}
