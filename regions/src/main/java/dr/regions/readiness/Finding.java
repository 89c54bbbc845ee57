package dr.regions.readiness;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the readiness table: where ({@code region}, or {@code global} for the edge), which tier
 * ({@code network}, {@code security}, {@code web}, {@code app}, {@code database}, {@code backup}, {@code dns},
 * {@code edge}), what was checked, the verdict and what was seen. {@code facts} carry the raw evidence (times, states,
 * ARNs) for the JSON document and reports; never a made-up figure.
 */
public record Finding(String region, String tier, String check, Verdict verdict, String detail,
                      Map<String, String> facts) {

    public Finding {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public Finding(String region, String tier, String check, Verdict verdict, String detail) {
        this(region, tier, check, verdict, detail, Map.of());
    }

    /** e.g. {@code us-west-2 app asg-app: desired 0, 0 InService}. */
    public String reason() {
        return region + " " + tier + " " + check + ": " + detail;
    }

    /** Plain JSON values only, so a runbook step can journal it as an output. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("region", region);
        map.put("tier", tier);
        map.put("check", check);
        map.put("verdict", verdict.label());
        map.put("detail", detail);
        if (!facts.isEmpty()) {
            map.put("facts", new LinkedHashMap<>(facts));
        }
        return map;
    }

    /** The inverse of {@link #toMap}, also for a map read back from a journal. */
    public static Finding fromMap(Map<?, ?> map) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (map.get("facts") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> facts.put(String.valueOf(key), String.valueOf(value)));
        }
        return new Finding(text(map, "region"), text(map, "tier"), text(map, "check"),
                Verdict.of(text(map, "verdict")), text(map, "detail"), facts);
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("finding without '" + key + "': " + map);
        }
        return String.valueOf(value);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("region", region);
        node.put("tier", tier);
        node.put("check", check);
        node.put("verdict", verdict.label());
        node.put("detail", detail);
        if (!facts.isEmpty()) {
            ObjectNode evidence = node.putObject("facts");
            facts.forEach(evidence::put);
        }
        return node;
    }
}
