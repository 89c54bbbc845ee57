package dr.runbooks.actions.cleanup;

import dr.core.report.CleanupReport;
import dr.regions.cleanup.CleanupPlan;
import dr.runbooks.step.ActionContext;

import java.util.List;
import java.util.Optional;

/**
 * What the steps of one cleanup run share, as one typed run attribute: the regions and the final-snapshot choice the
 * caller gave (else found by the first step that needs them), the plan the operator approved (taken by the first full
 * deletion), and the report the report step made, for the caller to print.
 */
final class CleanupRun {
    static final String ATTRIBUTE = "cleanup.run";

    private List<String> regions;
    private final boolean skipFinalSnapshot;
    private CleanupPlan approved;
    private CleanupReport report;

    CleanupRun(List<String> regions, boolean skipFinalSnapshot, CleanupPlan approved) {
        this.regions = regions == null ? null : List.copyOf(regions);
        this.skipFinalSnapshot = skipFinalSnapshot;
        this.approved = approved;
    }

    /** The run's shared state; a run started without one ({@code dr runbook run cleanup}) gets an empty one. */
    static CleanupRun of(ActionContext context) {
        synchronized (CleanupRun.class) {
            return context.attribute(ATTRIBUTE, CleanupRun.class).orElseGet(() -> {
                CleanupRun fresh = new CleanupRun(null, false, null);
                context.putAttribute(ATTRIBUTE, fresh);
                return fresh;
            });
        }
    }

    synchronized Optional<List<String>> regions() {
        return Optional.ofNullable(regions);
    }

    synchronized void regions(List<String> found) {
        this.regions = List.copyOf(found);
    }

    boolean skipFinalSnapshot() {
        return skipFinalSnapshot;
    }

    /** The plan listed before the approval, if any is still to be taken. */
    synchronized Optional<CleanupPlan> approved() {
        return Optional.ofNullable(approved);
    }

    synchronized void approve(CleanupPlan plan) {
        this.approved = plan;
    }

    /** The approved plan, once: any later deletion looks afresh, since the stack has changed since. */
    synchronized Optional<CleanupPlan> takeApproved() {
        Optional<CleanupPlan> plan = Optional.ofNullable(approved);
        approved = null;
        return plan;
    }

    synchronized Optional<CleanupReport> report() {
        return Optional.ofNullable(report);
    }

    synchronized void report(CleanupReport made) {
        this.report = made;
    }
}
