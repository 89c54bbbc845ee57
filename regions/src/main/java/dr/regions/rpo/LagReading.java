package dr.regions.rpo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One answer about a read replica's lag, from RDS's {@code ReplicaLag} metric in the replica's region: a figure in
 * seconds and the minute it was published ({@link State#MEASURED}), replication not active ({@code -1}), no datapoint
 * in the window, or CloudWatch could not be read. {@code lastActive} is, when replication is not active, the newest
 * figure from before it stopped (what a promotion would at least lose).
 */
public record LagReading(String region, String dbInstance, State state, Double seconds, Instant at,
                         LagReading lastActive, String detail) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public enum State {
        /** A figure in seconds. */
        MEASURED,
        /** ReplicaLag {@code -1}: replication is not active. */
        NOT_ACTIVE,
        /** No datapoint in the window: not a replica, or nothing published. */
        NO_DATA,
        /** CloudWatch of the replica's region did not answer, or refused. */
        UNREADABLE
    }

    static LagReading measured(String region, String dbInstance, double seconds, Instant at) {
        return new LagReading(region, dbInstance, State.MEASURED, seconds, at, null, null);
    }

    static LagReading notActive(String region, String dbInstance, Instant at, LagReading lastActive) {
        return new LagReading(region, dbInstance, State.NOT_ACTIVE, null, at, lastActive, null);
    }

    static LagReading noData(String region, String dbInstance, String detail) {
        return new LagReading(region, dbInstance, State.NO_DATA, null, null, null, detail);
    }

    static LagReading unreadable(String region, String dbInstance, String detail) {
        return new LagReading(region, dbInstance, State.UNREADABLE, null, null, null, detail);
    }

    public boolean measured() {
        return state == State.MEASURED;
    }

    /** The figure, when there is one. */
    public Optional<Duration> lag() {
        return measured() ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000))) : Optional.empty();
    }

    /** Whether there is a figure and it is under {@code bound}. */
    public boolean under(Duration bound) {
        return lag().map(lag -> lag.compareTo(bound) < 0).orElse(false);
    }

    /** Whether there is a figure and it is above {@code bound}. */
    public boolean above(Duration bound) {
        return lag().map(lag -> lag.compareTo(bound) > 0).orElse(false);
    }

    /** The figure as people read it: {@code 2 s}, {@code 1.5 s}. */
    public String figure() {
        return measured() ? seconds(seconds) : "none";
    }

    /**
     * One phrase: {@code 2 s behind at 03:14:05 UTC}; {@code replication not active at 03:14:05 UTC (last figure 2 s
     * at 03:12:00 UTC)}; or why there is no figure, naming the region the metric is read in.
     */
    public String describe() {
        return switch (state) {
            case MEASURED -> seconds(seconds) + " behind at " + TIME.format(at);
            case NOT_ACTIVE -> "replication not active at " + TIME.format(at) + " (ReplicaLag -1)"
                    + (lastActive == null ? "" : "; last figure " + lastActive.describe());
            case NO_DATA -> "no ReplicaLag reading for " + dbInstance + " in " + region + ": " + detail;
            case UNREADABLE -> "no ReplicaLag reading: CloudWatch in " + region + " (where RDS publishes the "
                    + "replica's lag) could not be read: " + detail;
        };
    }

    /** What a promotion now would lose: {@code about 2 s of writes before 03:14:05 UTC}, or why that is unknown. */
    public String wouldLose() {
        return switch (state) {
            case MEASURED -> "about " + seconds(seconds) + " of writes before " + TIME.format(at);
            case NOT_ACTIVE -> "every write since replication stopped (" + TIME.format(at) + ")"
                    + (lastActive == null ? "" : ", and about " + seconds(lastActive.seconds) + " before "
                    + TIME.format(lastActive.at));
            default -> "unknown (" + describe() + ")";
        };
    }

    /** Plain values for JSON reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("dbInstance", dbInstance);
        out.put("state", state.name());
        out.put("lagSeconds", seconds);
        out.put("at", at == null ? null : at.toString());
        if (lastActive != null) {
            out.put("lastActive", lastActive.toMap());
        }
        out.put("detail", describe());
        return out;
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value)) + " s";
    }
}
