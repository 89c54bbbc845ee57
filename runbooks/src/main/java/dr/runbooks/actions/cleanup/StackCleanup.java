package dr.runbooks.actions.cleanup;

import dr.core.DrException;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.cleanup.CleanupPlan;
import dr.runbooks.JournaledRun;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;

import dr.runbooks.StepReport;

import java.util.Map;
import java.util.Optional;

/**
 * {@code dr cleanup}: lists the stack by its tags, and unless that is all it is asked to do, runs (or resumes) the
 * cleanup runbook on exactly the plan listed, then hands back the report the run made.
 */
public final class StackCleanup {
    static final String RUNBOOK = "cleanup";

    private StackCleanup() {
    }

    /** Lists, or runs and reports; an AWS failure that left no report is thrown with the run's exit code. */
    public static CleanupOutcome run(CleanupRequest request, RunbookLauncher launcher) {
        Runbook runbook = launcher.catalog().load(RUNBOOK);
        Optional<JournaledRun> unfinished = launcher.unfinished(runbook);
        CleanupPlan plan = new Cleanup(request.stack(), request.regions(), launcher.operations().clients(),
                launcher.clock(), new CleanupOptions(request.skipFinalSnapshot())).plan();
        if (request.dryRun() || (plan.isEmpty() && unfinished.isEmpty())) {
            return new CleanupOutcome.Listed(plan);
        }
        if (unfinished.filter(last -> discovered(runbook, last)).isPresent()) {
            launcher.err().print(plan.describe());
        }
        CleanupRun run = new CleanupRun(request.regions(), request.skipFinalSnapshot(), plan);
        RunbookResult result = launcher.runOrResume(runbook, Map.of(CleanupRun.ATTRIBUTE, run));
        boolean deletionRan = result.steps().stream().anyMatch(step -> step.type().equals(CleanupActions.DELETE.name())
                && step.status() != StepReport.Status.SKIPPED && step.status() != StepReport.Status.PENDING);
        if (run.report().isEmpty() || !deletionRan) {
            throw new DrException(result.exitCode(), result.message());
        }
        Map<String, Object> files = result.find("report").map(StepReport::outputs).orElse(Map.of());
        Optional<CleanupOutcome.ReportPaths> written = files.containsKey("json")
                ? Optional.of(new CleanupOutcome.ReportPaths(files.get("markdown").toString(),
                files.get("json").toString()))
                : Optional.empty();
        return new CleanupOutcome.Ran(result, run.report().get(), written);
    }

    /** True when the run being resumed listed the stack already: its discover step will not list it again. */
    private static boolean discovered(Runbook runbook, JournaledRun last) {
        return runbook.steps().stream().filter(step -> step.type().equals(CleanupActions.DISCOVER.name()))
                .allMatch(step -> last.finishedSteps().containsKey(step.id()));
    }
}
