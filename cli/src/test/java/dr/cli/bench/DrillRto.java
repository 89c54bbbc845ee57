package dr.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * P3: the failover drill's RTO per tier, dr's settings next to the seed guide's. In-process, like P1, on the modeled
 * clock, so the figure does not depend on the machine.
 *
 * <ol>
 *   <li>Provision with {@code --domain example.com} into a fresh {@link InProcessDr} with dr's default health check
 *       (interval 10 s, threshold 2); run {@code dr failover drill --sandbox --yes --output json} (default fault:
 *       ingress revoked on the primary load balancers) and read the report's RTO of the {@code dns} tier (fault →
 *       Route 53 answers {@code api.example.com} with the DR load balancer) and of the {@code web} tier (fault →
 *       a CloudFront request completed from the DR origin, including the time it spent on the dead primary).</li>
 *   <li>The same in another fresh account provisioned with the seed guide's health check, {@code
 *       --health-check-interval 30 --health-check-threshold 3}: the DNS figure is measured.</li>
 *   <li>The distribution's ConnectionTimeout × ConnectionAttempts are not an option of {@code dr provision} (dr
 *       always sets 3 s × 1), so the seed web figure is computed the way the drill reports a request's time: the
 *       measured web RTO with dr's per-request worst case replaced by CloudFront's defaults, 10 s × 3.</li>
 * </ol>
 */
final class DrillRto {
    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2",
        "--sandbox", "--domain", "example.com"};
    private static final String[] SEED_HEALTH_CHECK = {"--health-check-interval", "30", "--health-check-threshold", "3"};
    private static final String[] DRILL = {"failover", "drill", "--sandbox", "--yes"};
    /** CloudFront's origin defaults (Developer Guide, "Origin settings"): 3 attempts × 10 s connection timeout. */
    static final int SEED_CONNECTION_ATTEMPTS = 3;
    static final int SEED_CONNECTION_TIMEOUT_SECONDS = 10;

    private DrillRto() {
    }

    static List<String> measure(Path scratch) {
        JsonNode dr = drill(new InProcessDr(scratch.resolve("p3-dr")), PROVISION);
        JsonNode seed = drill(new InProcessDr(scratch.resolve("p3-seed")), concat(PROVISION, SEED_HEALTH_CHECK));

        double dnsDr = rto(dr, "dns");
        double dnsSeed = rto(seed, "dns");
        double webDr = rto(dr, "web");
        double worstCaseDr = dr.path("modeled").path("cloudFrontWorstCasePerRequestSeconds").asDouble();
        double webSeed = rto(seed, "web") - seed.path("modeled").path("cloudFrontWorstCasePerRequestSeconds").asDouble()
                + SEED_CONNECTION_ATTEMPTS * SEED_CONNECTION_TIMEOUT_SECONDS;
        return List.of(
                String.format(Locale.ROOT, "P3: drill RTO dns %s (seed settings %s), web %s (seed %s computed)",
                        seconds(dnsDr), seconds(dnsSeed), seconds(webDr), seconds(webSeed)),
                String.format(Locale.ROOT, "    dns measured: health check %s s × %s (seed %s s × %s), target %s",
                        dr.path("modeled").path("healthCheckIntervalSeconds").asText(),
                        dr.path("modeled").path("healthCheckFailureThreshold").asText(),
                        seed.path("modeled").path("healthCheckIntervalSeconds").asText(),
                        seed.path("modeled").path("healthCheckFailureThreshold").asText(),
                        seconds(dr.path("rtoTargetSeconds").asDouble())),
                String.format(Locale.ROOT, "    web measured with dr's origin settings (%s per request); seed computed"
                                + " = seed run's web RTO %s − its %s per request + CloudFront defaults %d × %d s"
                                + " (connection timeout/attempts are not provision options)",
                        seconds(worstCaseDr), seconds(rto(seed, "web")),
                        seconds(seed.path("modeled").path("cloudFrontWorstCasePerRequestSeconds").asDouble()),
                        SEED_CONNECTION_ATTEMPTS, SEED_CONNECTION_TIMEOUT_SECONDS));
    }

    private static JsonNode drill(InProcessDr dr, String[] provision) {
        dr.json(provision);
        return dr.json(DRILL);
    }

    private static double rto(JsonNode report, String tier) {
        for (JsonNode node : report.path("tiers")) {
            if (node.path("tier").asText().equals(tier)) {
                if (!node.path("rtoSeconds").isNumber()) {
                    throw new IllegalStateException("the drill did not measure the " + tier + " tier: "
                            + node.path("note").asText() + "; verdict " + report.path("verdict").asText());
                }
                return node.path("rtoSeconds").asDouble();
            }
        }
        throw new IllegalStateException("the drill report has no " + tier + " tier: " + report);
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%ds", (long) value)
                : String.format(Locale.ROOT, "%.1fs", value);
    }

    private static String[] concat(String[] base, String[] more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
