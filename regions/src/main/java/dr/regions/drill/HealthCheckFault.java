package dr.regions.drill;

import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The other fault: the Route 53 health check is inverted, so Route 53 calls the healthy primary unhealthy and fails
 * {@code api.<domain>} over without touching the load balancers. {@link #save} reads the current setting (the caller
 * journals it), {@link #invert} turns it on, {@link #restore} puts the saved setting back when it differs.
 */
public final class HealthCheckFault {
    public static final String KIND = "health-check";

    private final Route53Client route53;

    /** The health check and whether it was inverted before the drill. */
    public record Saved(String healthCheckId, boolean inverted) {
    }

    public HealthCheckFault(Route53Client route53) {
        this.route53 = route53;
    }

    public Saved save(String healthCheckId) {
        Boolean inverted = route53.getHealthCheck(r -> r.healthCheckId(healthCheckId)).healthCheck()
                .healthCheckConfig().inverted();
        return new Saved(healthCheckId, Boolean.TRUE.equals(inverted));
    }

    public void invert(Saved saved) {
        route53.updateHealthCheck(r -> r.healthCheckId(saved.healthCheckId()).inverted(!saved.inverted()));
    }

    /** True when it changed the health check, false when the saved setting was already in place. */
    public boolean restore(Saved saved) {
        Saved now = save(saved.healthCheckId());
        if (now.inverted() == saved.inverted()) {
            return false;
        }
        route53.updateHealthCheck(r -> r.healthCheckId(saved.healthCheckId()).inverted(saved.inverted()));
        return true;
    }
}
