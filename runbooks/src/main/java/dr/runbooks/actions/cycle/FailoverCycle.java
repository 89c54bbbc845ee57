package dr.runbooks.actions.cycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.config.StackTarget;
import dr.core.engine.DurationFormat;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseLayout;
import dr.runbooks.HandedBack;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunOutcome;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookText;
import dr.runbooks.StepReport;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dr reprotect} and {@code dr failback}: what they would do (from the settings alone, no client), or their
 * runbook run or resumed, with the report the run made.
 */
public final class FailoverCycle {
    public static final String REPROTECT = "reprotect";
    public static final String FAILBACK = "failback";

    private FailoverCycle() {
    }

    /** The plan a dry run prints; checks the regions (bad input, exit 2) and creates no client. */
    public static Preview preview(StackTarget target, RunbookCatalog catalog, String runbook, boolean deleteOld) {
        StackSpec spec = CycleScope.given(target, runbook);
        return new Preview(catalog.load(runbook), spec, deleteOld);
    }

    /**
     * The stack already where a finished run of {@code runbook} leaves it ({@link FinishedCycle}), from one read of
     * both regions' databases, made before the stack lock; empty when the run has something to do, or when the
     * databases could not be read (the run then meets the same error and reports it).
     */
    public static Optional<FinishedCycle> finished(StackTarget target, AwsClients clients, String runbook) {
        StackSpec spec = CycleScope.given(target, runbook);
        try {
            return FinishedCycle.of(runbook, DatabaseLayout.read(spec, clients));
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /** Runs the runbook, or resumes the run that died. A run that made no report is thrown with its exit code. */
    public static Outcome run(StackTarget target, RunbookLauncher launcher, String runbook, boolean deleteOld) {
        CycleScope.given(target, runbook);
        HandedBack<CycleReport> report = new HandedBack<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(CycleActions.REPORT_ATTRIBUTE, report);
        attributes.put(CycleActions.DELETE_OLD_ATTRIBUTE, deleteOld);
        RunbookResult result = launcher.runOrResume(launcher.catalog().load(runbook), attributes);
        Map<String, Object> files = result.find("report").filter(StepReport::finished).map(StepReport::outputs)
                .orElse(Map.of());
        if (report.value().isEmpty() || !files.containsKey("json")) {
            throw new DrException(result.exitCode() == ExitCode.OK ? ExitCode.FAILED : result.exitCode(),
                    result.message());
        }
        return new Outcome(result, report.value().get(), String.valueOf(files.get("markdown")),
                String.valueOf(files.get("json")), String.valueOf(files.get("html")));
    }

    /** What a dry run shows: the runbook's steps and what they act on. */
    public record Preview(Runbook runbook, StackSpec spec, boolean deleteOld) {
        public ObjectNode toJson() {
            ObjectNode plan = JsonNodeFactory.instance.objectNode();
            plan.put("dryRun", true);
            plan.put("runbook", runbook.name());
            plan.put("stack", spec.stack());
            plan.put("primaryRegion", spec.primaryRegion());
            plan.put("drRegion", spec.drRegion());
            plan.put("oldDatabases", deleteOld ? "deleted with a final snapshot" : "kept, tagged db-retired");
            plan.set("steps", RunbookJson.runbook(runbook).get("steps"));
            return plan;
        }

        public void printText(PrintWriter out) {
            out.print(RunbookText.render(runbook));
            out.println();
            out.println((runbook.name().equals(FAILBACK)
                    ? "Would freeze writes at the app load balancer of " + spec.drRegion() + ", promote the read "
                    + "replica in " + spec.primaryRegion() + " once it has every write, and bring the stack back to "
                    + "normal with " + spec.primaryRegion() + " serving"
                    : "Would make " + spec.primaryRegion() + " the standby of the writer in " + spec.drRegion()
                    + " (a read replica of it, warm-standby compute)")
                    + "; old databases " + (deleteOld ? "deleted with a final snapshot" : "kept, tagged db-retired")
                    + ".");
            out.println("Dry run: no AWS call was made.");
        }
    }

    /** What the run did, and where its report is. */
    public record Outcome(RunbookResult result, CycleReport report, String markdown, String json, String html)
            implements RunOutcome {
        public ObjectNode toJson() {
            return report.toJson();
        }

        public void printText(PrintWriter out) {
            result.steps().forEach(step -> out.println(RunbookText.stepLine(step, 15)));
            out.println(report.outcome() + " in " + DurationFormat.compact(result.duration()) + ". Report: " + markdown
                    + " (JSON: " + json + ", HTML: " + html + ")");
        }
    }
}
