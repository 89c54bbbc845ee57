package dr.runbooks.actions.drill;

import dr.core.report.drill.DrillReport;
import dr.runbooks.HandedBack;
import dr.core.DrException;
import dr.core.engine.Journal;
import dr.runbooks.JournaledRun;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.StepReport;

import java.util.Map;
import java.util.Optional;

/**
 * {@code dr failover drill} and {@code dr failover restore}: the drill runbook with the operator's options, the check
 * that the last drill put back what it changed, the run, and the restore of a drill that died, each with its report.
 */
public final class FailoverDrill {
    /** The run attribute under which the report step hands its report back to this entry point. */
    static final String REPORT_ATTRIBUTE = "drill.run";

    static final String RUNBOOK = "failover-drill";

    private FailoverDrill() {
    }

    /** The drill runbook with {@code options} applied: what a dry run shows and what {@link #run} runs. */
    public static Runbook runbook(DrillOptions options, RunbookCatalog catalog) {
        return options.applyTo(catalog.load(RUNBOOK));
    }

    /** Bad input when the last drill was not restored: {@code dr failover restore} must run first. */
    public static void requireRestored(RunbookLauncher launcher) {
        JournaledRun.last(launcher.journal(RUNBOOK)).filter(last -> !last.pendingAlwaysSteps().isEmpty())
                .ifPresent(last -> {
                    throw DrException.badInput("the drill started " + last.startedAt() + " was not restored: run"
                            + " 'dr failover restore' first");
                });
    }

    /** Runs {@code drill} (from {@link #runbook}) afresh. */
    public static DrillOutcome run(Runbook drill, RunbookLauncher launcher) {
        HandedBack<DrillReport> run = new HandedBack<>();
        RunbookResult result = launcher.run(drill, Map.of(REPORT_ATTRIBUTE, run));
        return new DrillOutcome(result, new DrillJournal(launcher.journal(RUNBOOK)).lastReport(), run.value());
    }

    /**
     * The drill as it stood when it was interrupted ({@code result} from the Ctrl-C hook): its report, if written,
     * as journaled.
     */
    public static DrillOutcome interrupted(RunbookResult result, RunbookLauncher launcher) {
        return new DrillOutcome(result, new DrillJournal(launcher.journal(RUNBOOK)).lastReport(), Optional.empty());
    }

    /**
     * Puts back what the last drill changed when it died before its restore, and writes its report; {@code dryRun}:
     * only says what it would put back. Nothing to do when the last drill restored, or none ran.
     */
    public static RestoreOutcome restore(RunbookLauncher launcher, String stack, boolean dryRun) {
        Journal journal = launcher.journal(RUNBOOK);
        Optional<JournaledRun> last = JournaledRun.last(journal);
        if (last.isEmpty()) {
            return new RestoreOutcome.NothingToRestore("no drill of stack " + stack + " has run here (journal "
                    + journal.path() + ")");
        }
        if (last.get().pendingAlwaysSteps().isEmpty()) {
            return new RestoreOutcome.NothingToRestore("the drill started " + last.get().startedAt()
                    + " restored what it changed");
        }
        if (dryRun) {
            return new RestoreOutcome.WouldRestore(last.get().startedAt(), new DrillJournal(journal).savedFaults());
        }
        RunbookResult result = launcher.recover(launcher.catalog().load(RUNBOOK), Map.of());
        Optional<StepReport> restore = result.steps().stream()
                .filter(step -> step.type().equals(DrillActions.RESTORE)).findFirst();
        return new RestoreOutcome.Ran(result, restore, new DrillJournal(journal).lastReport());
    }
}
