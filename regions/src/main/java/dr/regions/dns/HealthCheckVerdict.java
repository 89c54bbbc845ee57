package dr.regions.dns;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;

import java.util.List;
import java.util.Optional;

/**
 * The status Route 53 uses for routing, as Route 53 derives it. The checkers' observations (GetHealthCheckStatus)
 * report the endpoint: the check is healthy when more than 18% of them report success (Route 53 Developer Guide,
 * "How Amazon Route 53 determines whether a health check is healthy"). Then the check's own settings apply on top
 * (GetHealthCheck): a disabled check is always considered healthy, and an inverted one is "unhealthy when the status is
 * healthy and vice versa" (Developer Guide, "Inverting health checks"; API Reference, UpdateHealthCheck: Disabled,
 * "If you want to stop routing traffic to a resource, change the value of Inverted"). So the checkers go on
 * reporting Success while an inverted check sends traffic away.
 */
public final class HealthCheckVerdict {
    /** Route 53's share of checkers that must report success for the endpoint to count as healthy. */
    public static final double HEALTHY_SHARE = 0.18;

    /**
     * {@code healthy}: the verdict Route 53 routes by, empty before any checker has reported on an enabled check;
     * {@code successes}/{@code checkers}: what the checkers report about the endpoint; {@code report}: one checker's
     * report behind the endpoint's status.
     */
    public record Verdict(Optional<Boolean> healthy, boolean inverted, boolean disabled, long successes, int checkers,
                          String report) {
        /** e.g. {@code 16/16 checkers report Success (Inverted: Route 53 counts it unhealthy)}. */
        public String describe() {
            String observed = disabled ? "health checking disabled (Route 53 counts the endpoint healthy)"
                    : checkers == 0 ? "no checker has reported yet"
                    : successes + "/" + checkers + " checkers report Success";
            return observed + (inverted && healthy.isPresent()
                    ? " (Inverted: Route 53 counts it " + (healthy.get() ? "healthy" : "unhealthy") + ")" : "");
        }
    }

    private final Route53Client route53;

    public HealthCheckVerdict(Route53Client route53) {
        this.route53 = route53;
    }

    public Verdict of(String healthCheckId) {
        HealthCheckConfig config = route53.getHealthCheck(r -> r.healthCheckId(healthCheckId)).healthCheck()
                .healthCheckConfig();
        boolean inverted = Boolean.TRUE.equals(config.inverted());
        boolean disabled = Boolean.TRUE.equals(config.disabled());
        List<HealthCheckObservation> observations = route53.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId))
                .healthCheckObservations();
        long successes = observations.stream().filter(HealthCheckVerdict::success).count();
        Optional<Boolean> endpoint = disabled ? Optional.of(true) : observations.isEmpty() ? Optional.empty()
                : Optional.of(successes > HEALTHY_SHARE * observations.size());
        String report = endpoint.flatMap(up -> observations.stream().filter(o -> success(o) == up).findFirst())
                .map(o -> o.statusReport() == null ? null : o.statusReport().status()).orElse(null);
        return new Verdict(endpoint.map(up -> up != inverted), inverted, disabled, successes, observations.size(),
                report);
    }

    private static boolean success(HealthCheckObservation observation) {
        return observation.statusReport() != null && observation.statusReport().status() != null
                && observation.statusReport().status().startsWith("Success");
    }
}
