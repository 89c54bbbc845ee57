package dr.runbooks.actions.cleanup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.ExitCode;
import dr.core.report.CleanupReport;
import dr.regions.cleanup.CleanupPlan;
import dr.runbooks.RunbookResult;

import java.io.PrintWriter;
import java.util.Optional;

/** What {@code dr cleanup} did: listed the stack only, or ran the cleanup runbook and reported. */
public sealed interface CleanupOutcome {
    ExitCode exitCode();

    ObjectNode toJson();

    void printText(PrintWriter out);

    /** Listed what would go and deleted nothing: a dry run, or nothing of the stack found and no run to resume. */
    record Listed(CleanupPlan plan) implements CleanupOutcome {
        @Override
        public ExitCode exitCode() {
            return ExitCode.OK;
        }

        @Override
        public ObjectNode toJson() {
            return plan.toJson();
        }

        @Override
        public void printText(PrintWriter out) {
            out.print(plan.describe());
            out.println(plan.isEmpty() ? "Nothing of stack " + plan.inventory().stack() + " remains."
                    : "Dry run: nothing was deleted.");
        }
    }

    /** The runbook ran (or resumed): its result, the report its report step made, and that report's files. */
    record Ran(RunbookResult result, CleanupReport report, Optional<ReportPaths> files) implements CleanupOutcome {
        @Override
        public ExitCode exitCode() {
            return result.succeeded() ? ExitCode.OK : result.exitCode();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode document = report.toJson();
            files.ifPresent(written -> document.putObject("reportFiles").put("markdown", written.markdown())
                    .put("json", written.json()));
            return document;
        }

        @Override
        public void printText(PrintWriter out) {
            report.printText(out);
            files.ifPresent(written -> out.println("Report: " + written.markdown() + " (JSON: " + written.json() + ")"));
        }
    }

    /** Where the report step wrote the report. */
    record ReportPaths(String markdown, String json) {
    }
}
