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
            Map.entry("distribution", "G18"));
    /** Steps that finish on moto but find their resource drifted again on every run (UPDATE where AWS gives KEEP). */
    private static final Map<String, String> CONVERGE_ROWS = Map.of("api-record", "G19");
    /**
     * Steps whose resource the production cleanup keeps on moto: it deletes a vault only once it has seen it hold no
     * recovery point (G2), and a plan only once it has seen its selections (G1); what it cannot read it keeps.
     */
    private static final Map<String, String> LEFTOVER_ROWS = Map.of("backup-vault", "G2", "backup-plan", "G1");

    static {
        ROWS.values().forEach(GapTable::row);
        LEFTOVER_ROWS.values().forEach(GapTable::row);
        CONVERGE_ROWS.values().forEach(GapTable::row);
    }

    private StepGaps() {
    }

    /** The gap row that explains a failure of the step with this role on moto, if any. */
    public static Optional<String> row(String stepRole) {
        return Optional.ofNullable(ROWS.get(stepRole));
    }

    /** The gap row that explains why a step reports UPDATE on moto when run again over its own resource, if any. */
    public static Optional<String> convergeRow(String stepRole) {
        return Optional.ofNullable(CONVERGE_ROWS.get(stepRole));
    }

    /** The gap row that explains why cleanup on moto leaves the resource of a step that did finish, if any. */
    public static Optional<String> leftoverRow(String stepRole) {
        return Optional.ofNullable(LEFTOVER_ROWS.get(stepRole));
    }
}
