package dr.cli.bench;

import java.util.List;

/**
 * P3, the hook for the failover drill's figure. It prints a placeholder until {@code dr failover drill} exists.
 *
 * <p>Method, to implement here once the drill is built (in-process, like P1, on the modeled clock so the figure
 * does not depend on the machine):
 * <ol>
 *   <li>Provision with {@code --domain example.com} into an {@link InProcessDr} (the sandbox account has the
 *       public zone), default health check settings (interval 10 s, threshold 2).</li>
 *   <li>Run {@code dr failover drill --output json}; read the report's measured RTO per tier: DNS tier (from
 *       fault injection until Route 53 answers {@code api.example.com} with the DR load balancer) and web tier
 *       (until CloudFront serves from the DR origin).</li>
 *   <li>Repeat in a fresh account with the seed guide's settings: {@code --health-check-interval 30
 *       --health-check-threshold 3}, and CloudFront's default origin settings (3 connection attempts × 10 s
 *       connection timeout) instead of dr's (1 × short timeout).</li>
 *   <li>Print one line per tier: {@code P3 DNS tier: <dr> s (seed settings <seed> s)}, and the same for the web
 *       tier, with the drill's RTO target next to them.</li>
 * </ol>
 */
final class DrillRto {
    static final String NOT_MEASURABLE_YET = "P3: drill RTO — not measurable yet (failover drill not built)";

    private DrillRto() {
    }

    static List<String> measure(InProcessDr dr) {
        return List.of(NOT_MEASURABLE_YET);
    }
}
