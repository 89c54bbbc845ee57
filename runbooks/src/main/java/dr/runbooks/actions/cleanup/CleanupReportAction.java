package dr.runbooks.actions.cleanup;

import dr.core.engine.ExecutionResult;
import dr.core.engine.StepResult;
import dr.core.report.CleanupReport;
import dr.core.report.ReportFiles;
import dr.regions.cleanup.Cleanup;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's {@link CleanupReport}: what the deletion steps of this run did, the final snapshots kept, and what
 * remains (as the verification found it, else from a fresh look). Handed to the caller for printing through
 * {@link CleanupRun}; made also when an earlier step failed, since it always runs.
 */
final class CleanupReportAction implements RunbookAction {
    @Override
    @SuppressWarnings("unchecked")
    public StepResult execute(ActionContext context) {
        Cleanup cleanup = CleanupScope.cleanup(context);
        List<CleanupReport.Remaining> remaining = context.attribute(CleanupActions.REMAINING_ATTRIBUTE, List.class)
                .map(list -> (List<CleanupReport.Remaining>) list).orElseGet(cleanup::remaining);
        CleanupReport report = cleanup.report(merged(context),
                remaining);
        CleanupRun.of(context).report(report);
        String summary = "deleted " + report.deletedTotal() + "; " + (report.stackGone()
                ? "nothing of the stack remains" : report.remaining().size() + " resource(s) remain");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("deleted", report.deletedTotal());
        outputs.put("stackGone", report.stackGone());
        outputs.put("keptSnapshots", report.keptSnapshots().size());
        if (DeleteResourcesAction.results(context).isEmpty() && !report.stackGone()) {
            return StepResult.ran(summary + "; nothing was deleted, so no report file", outputs);
        }
        Map<String, Path> files;
        try {
            files = write(report, context);
        } catch (UncheckedIOException e) {
            return StepResult.failed(e.getMessage() + ": " + e.getCause().getMessage());
        }
        outputs.put("markdown", files.get("md").toString());
        outputs.put("json", files.get("json").toString());
        return StepResult.ran(summary + "; report " + files.get("md"), outputs);
    }

    /** {@code cleanup-<stack>-<time>.md} and {@code .json} in the report directory, for the record. */
    private static Map<String, Path> write(CleanupReport report, ActionContext context) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("md", report.toMarkdown());
        contents.put("json", ReportFiles.json(report.toJson()));
        return ReportFiles.write(operations.reportDirectory(),
                ReportFiles.base("cleanup", report.stack(), context.clock().now()), contents);
    }

    /** What every deletion step of this run did, as one result (the shutdown hook may read it while one runs). */
    private static ExecutionResult merged(ActionContext context) {
        List<ExecutionResult> results = DeleteResourcesAction.results(context);
        List<ExecutionResult> copy;
        synchronized (results) {
            copy = List.copyOf(results);
        }
        return ExecutionResult.merge(copy, context.clock().now());
    }
}
