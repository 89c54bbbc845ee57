package dr.core.report.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One poll of a drill's observation, as it is journaled: when, in which phase, what the Route 53 health check said,
 * what Route 53 answered for {@code api.<domain>} (and which region that answer is), and what CloudFront served for
 * {@code /_dr/served} (status, the region whose instances answered from its database, how long the request took). A
 * signal that was not observed is null: {@code dnsAnswer} without a domain, the edge fields without a distribution.
 *
 * @param dnsRegion  the region whose load balancer the DNS answer names; {@code unknown} when it names neither
 * @param edgeRegion the region whose origin answered through CloudFront; null when none answered
 * @param notes      what could not be observed and why (e.g. a probe's error), for the timeline
 */
public record DrillObservation(
        Instant at,
        Phase phase,
        Health healthCheck,
        String dnsAnswer,
        String dnsRegion,
        Integer edgeStatus,
        String edgeRegion,
        Duration edgeElapsed,
        List<String> notes) {

    /** Waiting for traffic to leave the primary, or (after the restore) to come back to it. */
    public enum Phase {
        FAILOVER, FAILBACK;

        public String label() {
            return name().toLowerCase();
        }

        static Phase parse(String text) {
            return valueOf(text.toUpperCase());
        }
    }

    /** The health check's status as Route 53 reports it; {@link #UNKNOWN} before any checker has reported. */
    public enum Health {
        HEALTHY, UNHEALTHY, UNKNOWN;

        public String label() {
            return name().toLowerCase();
        }

        static Health parse(String text) {
            return valueOf(text.toUpperCase());
        }
    }

    public DrillObservation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(phase, "phase");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** True when CloudFront answered, with the time the answering request took. */
    public boolean edgeAnswered() {
        return edgeRegion != null;
    }

    /** When the CloudFront request that produced this answer completed. */
    public Instant edgeAnsweredAt() {
        return edgeElapsed == null ? at : at.plus(edgeElapsed);
    }

    /** Plain JSON values, for the journal. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", at.toString());
        map.put("phase", phase.label());
        if (healthCheck != null) {
            map.put("healthCheck", healthCheck.label());
        }
        if (dnsAnswer != null) {
            map.put("dnsAnswer", dnsAnswer);
        }
        if (dnsRegion != null) {
            map.put("dnsRegion", dnsRegion);
        }
        if (edgeStatus != null) {
            map.put("edgeStatus", edgeStatus);
        }
        if (edgeRegion != null) {
            map.put("edgeRegion", edgeRegion);
        }
        if (edgeElapsed != null) {
            map.put("edgeElapsedMillis", edgeElapsed.toMillis());
        }
        if (!notes.isEmpty()) {
            map.put("notes", notes);
        }
        return map;
    }

    /** Reads back what {@link #toMap} wrote (numbers may come back as any {@link Number}). */
    public static DrillObservation fromMap(Map<String, Object> map) {
        List<String> notes = new ArrayList<>();
        if (map.get("notes") instanceof List<?> list) {
            list.forEach(note -> notes.add(String.valueOf(note)));
        }
        return new DrillObservation(
                Instant.parse(String.valueOf(map.get("at"))),
                Phase.parse(String.valueOf(map.get("phase"))),
                map.containsKey("healthCheck") ? Health.parse(String.valueOf(map.get("healthCheck"))) : null,
                text(map.get("dnsAnswer")),
                text(map.get("dnsRegion")),
                map.get("edgeStatus") instanceof Number n ? n.intValue() : null,
                text(map.get("edgeRegion")),
                map.get("edgeElapsedMillis") instanceof Number n ? Duration.ofMillis(n.longValue()) : null,
                notes);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
