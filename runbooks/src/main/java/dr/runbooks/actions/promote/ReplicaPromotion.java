package dr.runbooks.actions.promote;

import dr.runbooks.HandedBack;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.config.StackTarget;
import dr.core.model.StackSpec;
import dr.runbooks.JournaledRun;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.StepReport;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dr promote-replica}: what it would do (from the settings alone), or the promotion runbook run or resumed,
 * with the report the run made. Needs the DR region given: promotion makes no call to the primary region.
 */
public final class ReplicaPromotion {
    /** The run attribute under which the report step hands its report back to this entry point. */
    static final String REPORT_ATTRIBUTE = "promote.run";

    static final String RUNBOOK = "promote-replica";

    private ReplicaPromotion() {
    }

    /** What would be done; creates no client. */
    public static PromotionPreview preview(StackTarget target, RunbookCatalog catalog) {
        String drRegion = drRegion(target);
        StackSpec settings = target.settings();
        return new PromotionPreview(catalog.load(RUNBOOK), settings.stack(), drRegion,
                target.primaryRegion().orElse(null), "the read replica of stack " + settings.stack()
                + " (found by its role)", settings.primaryCapacity());
    }

    /**
     * Runs the promotion, or resumes the one that died; a run after one that left global steps pending finishes them
     * (saying so first). A run that made no report is thrown with its exit code.
     */
    public static PromotionOutcome run(StackTarget target, RunbookLauncher launcher) {
        return run(target, launcher, null, false);
    }

    /**
     * The same, stopping before the approval (exit 3) when the replica's lag is not under {@code maxLagSeconds}
     * (null: no bound) unless {@code force}.
     */
    public static PromotionOutcome run(StackTarget target, RunbookLauncher launcher, Integer maxLagSeconds,
                                       boolean force) {
        drRegion(target);
        Runbook runbook = launcher.catalog().load(RUNBOOK);
        if (maxLagSeconds != null) {
            runbook = runbook.withParam(PromoteActions.PREFLIGHT.name(), "max-lag", maxLagSeconds);
        }
        if (force) {
            runbook = runbook.withParam(PromoteActions.PREFLIGHT.name(), "force", true);
        }
        announcePending(launcher, runbook);
        HandedBack<PromotionReport> run = new HandedBack<>();
        RunbookResult result = launcher.runOrResume(runbook, Map.of(REPORT_ATTRIBUTE, run));
        Optional<Map<String, Object>> files = result.find("report").filter(StepReport::finished)
                .map(StepReport::outputs).filter(outputs -> outputs.containsKey("json"));
        if (files.isEmpty()) {
            throw new DrException(result.exitCode(), result.message());
        }
        if (run.value().isEmpty()) {
            throw new DrException(result.exitCode() == ExitCode.OK ? ExitCode.FAILED : result.exitCode(),
                    "the run that died wrote its report (" + files.get().get("markdown") + ") before it ended; run "
                    + "'dr promote-replica' again for a fresh one");
        }
        return new PromotionOutcome(result, run.value().get(), files.get().get("markdown").toString(),
                files.get().get("json").toString());
    }

    private static String drRegion(StackTarget target) {
        return target.drRegion().orElseThrow(() -> DrException.badInput("promote-replica needs the DR "
                + "region (--dr REGION or 'dr:' in the config): it makes no call to the primary region, so it does "
                + "not search the regions for the stack"));
    }

    /** A finished earlier run that left global steps pending: this run finishes them (each looks before it acts). */
    private static void announcePending(RunbookLauncher launcher, Runbook runbook) {
        JournaledRun.last(launcher.journal(runbook.name()))
                .filter(last -> last.runbook().equals(runbook.name()) && last.finished())
                .ifPresent(last -> {
                    List<String> pending = last.finishedSteps().values().stream()
                            .filter(step -> PromotionOutcome.isPending(step.outputs()))
                            .map(JournaledRun.FinishedStep::id).toList();
                    if (!pending.isEmpty()) {
                        launcher.err().println("dr: finishing the global steps the run started " + last.startedAt()
                                + " left pending: " + String.join(", ", pending));
                    }
                });
    }
}
