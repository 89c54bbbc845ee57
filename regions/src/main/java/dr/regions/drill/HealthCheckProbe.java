package dr.regions.drill;

import dr.core.report.drill.DrillObservation.Health;
import dr.regions.dns.HealthCheckVerdict;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The Route 53 health check's status as Route 53 routes by it ({@link HealthCheckVerdict}): the checkers' reports on
 * the endpoint, with the check's Inverted and Disabled settings applied on top, so an inverted check reads unhealthy
 * while every checker still reports Success. Unknown before any checker has reported.
 */
public final class HealthCheckProbe {
    private final HealthCheckVerdict verdicts;

    /** The verdict and what lies behind it, e.g. {@code 16/16 checkers report Success (Inverted: ...)}. */
    public record Status(Health health, String report) {
    }

    public HealthCheckProbe(Route53Client route53) {
        this.verdicts = new HealthCheckVerdict(route53);
    }

    public Status status(String healthCheckId) {
        HealthCheckVerdict.Verdict verdict = verdicts.of(healthCheckId);
        Health health = verdict.healthy().map(up -> up ? Health.HEALTHY : Health.UNHEALTHY).orElse(Health.UNKNOWN);
        String report = verdict.report() == null ? verdict.describe() : verdict.report()
                + (verdict.inverted() ? " (" + verdict.describe() + ")" : "");
        return new Status(health, report);
    }
}
