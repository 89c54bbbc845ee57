package dr.runbooks.actions.cleanup;

import dr.core.engine.ExecutionResult;
import dr.core.engine.StepOutcome;
import dr.core.report.CleanupReport;
import dr.regions.cleanup.Cleanup;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ActionResult;
import dr.runbooks.step.RunbookAction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run's {@link CleanupReport}: what the deletion steps of this run did, the final snapshots kept, and what
 * remains (as the verification found it, else from a fresh look). Handed to the caller for printing through
 * {@link CleanupActions#REPORT_ATTRIBUTE}; made also when an earlier step failed, since it always runs.
 */
final class CleanupReportAction implements RunbookAction {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ActionResult execute(ActionContext context) {
        Cleanup cleanup = CleanupScope.cleanup(context);
        List<CleanupReport.Remaining> remaining = context.attribute(CleanupActions.REMAINING_ATTRIBUTE, List.class)
                .map(list -> (List<CleanupReport.Remaining>) list).orElseGet(cleanup::remaining);
        CleanupReport report = cleanup.report(merged(DeleteResourcesAction.results(context), context.clock().now()),
                remaining);
        context.attribute(CleanupActions.REPORT_ATTRIBUTE, AtomicReference.class).ifPresent(ref -> ref.set(report));
        String summary = "deleted " + report.deletedTotal() + "; " + (report.stackGone()
                ? "nothing of the stack remains" : report.remaining().size() + " resource(s) remain");
        return ActionResult.done(summary, Map.of("deleted", report.deletedTotal(), "stackGone", report.stackGone(),
                "keptSnapshots", report.keptSnapshots().size()));
    }

    private static ExecutionResult merged(List<ExecutionResult> results, Instant now) {
        List<ExecutionResult> copy;
        synchronized (results) {
            copy = List.copyOf(results);
        }
        List<StepOutcome> outcomes = new ArrayList<>();
        copy.forEach(result -> outcomes.addAll(result.outcomes()));
        Instant start = copy.stream().map(ExecutionResult::startedAt).min(Comparator.naturalOrder()).orElse(now);
        Instant end = copy.stream().map(ExecutionResult::finishedAt).max(Comparator.naturalOrder()).orElse(start);
        return new ExecutionResult(outcomes, start, end);
    }
}
