package dr.core.report.drill;

import java.time.Instant;

/**
 * The RPO a drill observed: the replica's lag (RDS's ReplicaLag, read in the DR region) just before the fault and its
 * maximum while the fault was in place, each with its minute; a figure is null when there was none, and
 * {@code before}/{@code during} then say why.
 */
public record DrillRpo(String region, String dbInstance, Double lagBeforeSeconds, Instant lagBeforeAt, String before,
                       Double maxDuringSeconds, Instant maxDuringAt, String during) {

    /** One line: {@code replica lag 1 s before the fault, at most 1 s while it was in place (read in us-west-2)}. */
    public String describe() {
        return "replica lag " + figure(lagBeforeSeconds, before) + " before the fault, at most "
                + figure(maxDuringSeconds, during) + " while it was in place (ReplicaLag of " + dbInstance
                + ", read in " + region + ")";
    }

    static String figure(Double seconds, String why) {
        if (seconds == null) {
            return "unknown (" + why + ")";
        }
        return (seconds == Math.rint(seconds) ? String.valueOf(seconds.longValue()) : String.format("%.1f", seconds))
                + " s";
    }
}
