package dr.runbooks.actions.cycle;

import dr.core.engine.StepResult;
import dr.core.model.StackSpec;
import dr.core.report.ReportFiles;
import dr.runbooks.HandedBack;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the run's report, {@code <runbook>-<stack>-<start>.md}, {@code .json} and {@code .html}, under the report
 * directory, and hands it to the command that started the run.
 */
final class CycleReportAction implements RunbookAction {
    /** The run attribute under which the report is handed back. */
    public static final String REPORT_ATTRIBUTE = "cycle.report";

    @Override
    public StepResult execute(ActionContext context) {
        StackSpec spec = CycleScope.given(CycleScope.operations(context).target(), context.runbook());
        CycleReport report = CycleReport.from(context::records, context.stepId(), context.runbook(), spec.stack(),
                spec.primaryRegion(), spec.drRegion(), context.clock().now());
        HandedBack.hand(context, REPORT_ATTRIBUTE, report);
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("md", report.toMarkdown());
        contents.put("json", ReportFiles.json(report.toJson()));
        contents.put("html", report.toHtml());
        Map<String, Path> written;
        try {
            written = ReportFiles.write(CycleScope.operations(context).reportDirectory(),
                    ReportFiles.base(context.runbook(), spec.stack(), report.startedAt()), contents);
        } catch (UncheckedIOException e) {
            return StepResult.failed(e.getMessage() + ": " + e.getCause().getMessage());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        written.forEach((extension, path) -> outputs.put(extension.equals("md") ? "markdown" : extension,
                path.toString()));
        outputs.put("succeeded", report.succeeded());
        return StepResult.ran("report " + written.get("md") + " (" + report.outcome() + ")", outputs);
    }
}
