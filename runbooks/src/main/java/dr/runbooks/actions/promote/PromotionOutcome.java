package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.ExitCode;
import dr.core.engine.DurationFormat;
import dr.runbooks.RunOutcome;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookText;
import dr.runbooks.StepReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code dr promote-replica} did: the run's result and the report it made, with where the report was written.
 *
 * @param markdown the report's Markdown file
 * @param json     the report's JSON file
 */
public record PromotionOutcome(RunbookResult result, PromotionReport report, String markdown, String json)
        implements RunOutcome {
    /** The report's JSON document, as written to {@link #json}. */
    public ObjectNode toJson() {
        return report.toJson();
    }

    /** One line per step (pending global steps as PENDING), the outcome and where the report is. */
    public void printText(PrintWriter out) {
        List<StepReport> pending = new ArrayList<>();
        for (StepReport step : result.steps()) {
            boolean isPending = isPending(step.outputs());
            if (isPending) {
                pending.add(step);
            }
            out.println(isPending ? RunbookText.stepLine(step, "PENDING", 19) : RunbookText.stepLine(step, 19));
        }
        out.println((result.succeeded() ? "Promoted" : "Not finished") + " in "
                + DurationFormat.compact(result.duration()) + ". Report: " + markdown + " (JSON: " + json + ")");
        if (result.succeeded() && !pending.isEmpty()) {
            out.println("Users are served from DR. " + pending.size() + " global step"
                    + (pending.size() == 1 ? " is" : "s are") + " PENDING (their API did not answer): "
                    + String.join(", ", pending.stream().map(StepReport::id).toList()) + ". Finish them once it "
                    + "answers with: " + pending.get(0).outputs().getOrDefault("finishWith", "dr promote-replica"));
        }
    }

    static boolean isPending(Map<String, Object> outputs) {
        return Boolean.TRUE.equals(outputs.get("pending"));
    }
}
