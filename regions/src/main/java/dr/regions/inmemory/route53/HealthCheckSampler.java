package dr.regions.inmemory.route53;

import dr.regions.inmemory.route53.Reachability.Outcome;
import dr.regions.inmemory.route53.Reachability.Probe;
import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HealthCheck;
import dr.regions.inmemory.world.Route53State.Sampling;
import dr.regions.inmemory.world.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/**
 * Route 53's health checkers: called before every call to the in-memory cloud, it samples each health check
 * at every request-interval boundary since the last sample. State only changes through calls, so sampling
 * just before each call sees every change at the modeled time it happened; all boundaries since the previous
 * call therefore see the same endpoint state and are applied in one step.
 *
 * <p>A check turns unhealthy after FailureThreshold consecutive failed samples and healthy again after as many
 * consecutive successes ("How Amazon Route 53 determines whether a health check is healthy"), so failure
 * detection takes RequestInterval × FailureThreshold.
 */
public final class HealthCheckSampler {
    private static final Map<Integer, String> REASONS = Map.of(
            200, "OK", 301, "Moved Permanently", 302, "Found", 400, "Bad Request", 403, "Forbidden",
            404, "Not Found", 500, "Internal Server Error", 502, "Bad Gateway", 503, "Service Unavailable",
            504, "Gateway Timeout");

    private HealthCheckSampler() {
    }

    public static void sample(World world) {
        if (world.route53.healthChecks.isEmpty()) {
            return;
        }
        Reachability reachability = null;
        for (HealthCheck check : new ArrayList<>(world.route53.healthChecks.values())) {
            Sampling sampling = check.sampling;
            Instant last = sampling.lastSampleAt == null ? check.createdAt : sampling.lastSampleAt;
            long boundaries = Duration.between(last, world.time()).getSeconds() / check.requestInterval;
            if (boundaries <= 0) {
                continue;
            }
            if (reachability == null) {
                reachability = new Reachability(world);
            }
            Verdict verdict = check(reachability, check);
            record(check, last, boundaries, verdict);
        }
    }

    /** One checker's verdict on the endpoint: whether the sample counts as healthy, and the status text it reports. */
    record Verdict(boolean healthy, String report) {
    }

    static Verdict check(Reachability reachability, HealthCheck check) {
        if (check.disabled) {
            return new Verdict(true, "Success: Health checking is disabled.");
        }
        String host = check.fullyQualifiedDomainName != null ? check.fullyQualifiedDomainName : check.ipAddress;
        boolean https = check.type.startsWith("HTTPS");
        Probe probe = reachability.get(host, check.port, https, check.resourcePath);
        boolean passed;
        String report;
        if (check.type.equals("TCP")) {
            passed = probe.outcome() == Outcome.RESPONDED;
            report = passed ? "Success: TCP connection established." : "Failure: " + probe.detail();
        } else if (probe.outcome() != Outcome.RESPONDED) {
            passed = false;
            report = "Failure: " + probe.detail();
        } else {
            String status = "HTTP Status Code " + probe.statusCode() + ", "
                    + REASONS.getOrDefault(probe.statusCode(), "Unknown");
            boolean matched = check.searchString == null || probe.body().contains(check.searchString);
            passed = probe.succeeded() && matched;
            report = passed ? "Success: " + status
                    : probe.succeeded() ? "Failure: Search string not found in response body." : "Failure: " + status;
        }
        return new Verdict(passed, report);
    }

    /**
     * The status Route 53 routes by: the checkers' verdict on the endpoint ({@code sampling.healthy}), with the check's
     * settings on top. Checkers report the endpoint, never the inverted verdict: "If you invert a health check, Route
     * 53 considers the health check to be unhealthy when the status is healthy and vice versa" (Developer Guide,
     * "Inverting health checks"); a disabled check is "considered healthy" and "to stop routing traffic to a resource,
     * change the value of Inverted" (API Reference, UpdateHealthCheck, Disabled), so Inverted applies to it too.
     * A changed setting is modeled as taking effect at the check's next request interval (AWS documents no delay).
     */
    public static boolean routingHealthy(HealthCheck check) {
        Sampling s = check.sampling;
        boolean disabled = s.disabledApplied == null ? check.disabled : s.disabledApplied;
        boolean inverted = s.invertedApplied == null ? check.inverted : s.invertedApplied;
        return (disabled || s.healthy) != inverted;
    }

    private static void record(HealthCheck check, Instant last, long boundaries, Verdict verdict) {
        Sampling s = check.sampling;
        Duration interval = Duration.ofSeconds(check.requestInterval);
        Instant latest = last.plus(interval.multipliedBy(boundaries));
        int threshold = check.failureThreshold;
        // The same rule both ways: the status flips once `threshold` samples in a row disagree with it.
        int streak = verdict.healthy() ? s.consecutiveSuccesses : s.consecutiveFailures;
        if (s.healthy != verdict.healthy() && streak + boundaries >= threshold) {
            s.healthy = verdict.healthy();
            s.statusChangedAt = last.plus(interval.multipliedBy(threshold - streak));
        }
        int counted = (int) Math.min(threshold, streak + boundaries);
        if (verdict.healthy()) {
            s.consecutiveSuccesses = counted;
            s.consecutiveFailures = 0;
            s.lastSuccessReport = verdict.report();
            s.lastSuccessAt = latest;
        } else {
            s.consecutiveFailures = counted;
            s.consecutiveSuccesses = 0;
            s.lastFailureReport = verdict.report();
            s.lastFailureAt = latest;
        }
        s.lastSampleAt = latest;
        s.invertedApplied = check.inverted;
        s.disabledApplied = check.disabled;
    }
}
