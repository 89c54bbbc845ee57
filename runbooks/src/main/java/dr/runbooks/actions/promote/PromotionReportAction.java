package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dr.core.DrException;
import dr.regions.promotion.PromotionTarget;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ActionResult;
import dr.runbooks.step.RunbookAction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    public ActionResult execute(ActionContext context) {
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
        String base = "promote-replica-" + report.stack() + "-" + STAMP.format(report.startedAt());
        Path directory = operations.reportDirectory();
        Path markdown = directory.resolve(base + ".md");
        Path json = directory.resolve(base + ".json");
        try {
            Files.createDirectories(directory);
            Files.writeString(markdown, report.toMarkdown(), StandardCharsets.UTF_8);
            Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report.toJson()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ActionResult.failed("cannot write the promotion report under " + directory + ": " + e.getMessage());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("markdown", markdown.toString());
        outputs.put("json", json.toString());
        outputs.put("succeeded", report.succeeded());
        return ActionResult.done("report " + markdown + " (" + report.outcome() + ")", outputs);
    }
}
