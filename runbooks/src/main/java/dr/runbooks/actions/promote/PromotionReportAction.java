package dr.runbooks.actions.promote;

import dr.runbooks.HandedBack;
import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.core.report.ReportFiles;
import dr.regions.promotion.PromotionTarget;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the promotion report, {@code promote-replica-<stack>-<start time>.md} and {@code .json}, under the report
 * directory. Named after the run's start, so a run resumed after a crash rewrites the same report, complete.
 */
final class PromotionReportAction implements RunbookAction {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public StepResult execute(ActionContext context) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        String drRegion;
        try {
            PromotionTarget target = PromoteScope.target(context);
            drRegion = target.drRegion();
        } catch (DrException unknown) {
            drRegion = "(not given)";
        }
        PromotionReport report = PromotionReport.from(context::records, context.stepId(),
                operations.target().stack(), drRegion, operations.target().primaryRegion().orElse(null),
                context.clock().now());
        HandedBack.hand(context, ReplicaPromotion.REPORT_ATTRIBUTE, report);
        String base = "promote-replica-" + report.stack() + "-" + STAMP.format(report.startedAt());
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("md", report.toMarkdown());
        contents.put("json", ReportFiles.json(report.toJson()));
        Map<String, Path> written;
        try {
            written = ReportFiles.write(operations.reportDirectory(), base, contents);
        } catch (UncheckedIOException e) {
            return StepResult.failed(e.getMessage() + ": " + e.getCause().getMessage());
        }
        Path markdown = written.get("md");
        Path json = written.get("json");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("markdown", markdown.toString());
        outputs.put("json", json.toString());
        outputs.put("succeeded", report.succeeded());
        return StepResult.ran("report " + markdown + " (" + report.outcome() + ")", outputs);
    }
}
