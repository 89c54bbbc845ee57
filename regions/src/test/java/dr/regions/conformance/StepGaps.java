package dr.regions.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * Provisioning steps (by role) that cannot finish on moto, with the row of {@code emulator-gaps.md} that says why:
 * the conformance suite and the emulator lifecycle both accept a failure of these steps, and only of these.
 */
public final class StepGaps {
    private static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("backup-selection", "G1"),
            Map.entry("backup-role", "G16"),
            Map.entry("image-web", "G3"),
            Map.entry("image-app", "G3"),
            Map.entry("lt-web", "G3"),
            Map.entry("lt-app", "G3"),
            Map.entry("asg-web", "G3"),
            Map.entry("asg-app", "G3"),
            Map.entry("certificate", "D1"),
            Map.entry("cdn-certificate", "D1"),
            Map.entry("listener-web-https", "D1"),
            Map.entry("listener-app-https", "D1"),
            Map.entry("region-rule-web-https", "D1"),
            Map.entry("region-rule-app-https", "D1"),
            Map.entry("distribution", "D1"),
            Map.entry("app-record", "D1"),
            Map.entry("api-record", "D1"),
            // found again through ListHostedZonesByName, whose prefixed zone id the record lookup then sends
            Map.entry("db-record", "D1"));

    static {
        ROWS.values().forEach(GapTable::row);
    }

    private StepGaps() {
    }

    /** The gap row that explains a failure of the step with this role on moto, if any. */
    public static Optional<String> row(String stepRole) {
        return Optional.ofNullable(ROWS.get(stepRole));
    }
}
