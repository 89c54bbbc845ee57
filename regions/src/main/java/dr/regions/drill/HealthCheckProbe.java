package dr.regions.drill;

import dr.core.report.drill.DrillObservation.Health;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;

import java.util.List;

/**
 * The Route 53 health check's status as Route 53 itself decides it, from GetHealthCheckStatus: the check is healthy
 * when more than 18% of the health checkers report success (Route 53 Developer Guide, "How Amazon Route 53 determines
 * whether a health check is healthy"); unknown before any checker has reported.
 */
public final class HealthCheckProbe {
    /** Route 53's share of checkers that must report healthy. */
    static final double HEALTHY_SHARE = 0.18;

    private final Route53Client route53;

    /** The verdict and one checker's report, e.g. {@code Failure: Connection timed out...}. */
    public record Status(Health health, String report) {
    }

    public HealthCheckProbe(Route53Client route53) {
        this.route53 = route53;
    }

    public Status status(String healthCheckId) {
        List<HealthCheckObservation> observations = route53.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId))
                .healthCheckObservations();
        if (observations.isEmpty()) {
            return new Status(Health.UNKNOWN, "no health checker has reported yet");
        }
        long successes = observations.stream().filter(HealthCheckProbe::success).count();
        boolean healthy = successes > HEALTHY_SHARE * observations.size();
        String report = observations.stream().filter(o -> success(o) == healthy).findFirst()
                .map(o -> o.statusReport() == null ? null : o.statusReport().status()).orElse(null);
        return new Status(healthy ? Health.HEALTHY : Health.UNHEALTHY, report);
    }

    private static boolean success(HealthCheckObservation observation) {
        return observation.statusReport() != null && observation.statusReport().status() != null
                && observation.statusReport().status().startsWith("Success");
    }
}
