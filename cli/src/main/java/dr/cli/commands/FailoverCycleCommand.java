package dr.cli.commands;

import dr.cli.options.CapacityOptions;
import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.core.ExitCode;
import dr.core.config.StackConfig;
import dr.core.config.StackTarget;
import dr.runbooks.actions.cycle.FailoverCycle;
import dr.runbooks.actions.cycle.FinishedCycle;
import dr.runbooks.builtin.Runbooks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;

/** What {@code reprotect} and {@code failback} share: the options, the dry run, the run and its printing. */
abstract class FailoverCycleCommand extends DryRunnableCommand {
    @Mixin
    ReportOption report;

    @Mixin
    CapacityOptions capacity;

    @Option(names = "--delete-old-databases",
            description = "Delete the databases this run retires (with a final snapshot <id>-retired) instead of "
                    + "keeping them tagged dr:role=db-retired. Asked for with the run's confirmation unless --yes.")
    boolean deleteOldDatabases;

    /** {@link FailoverCycle#REPROTECT} or {@link FailoverCycle#FAILBACK}. */
    private final String runbook;

    FailoverCycleCommand(String runbook) {
        this.runbook = runbook;
    }

    @Override
    protected boolean requiresRegions() {
        return true;
    }

    @Override
    protected StackConfig stackOptions() {
        return capacity.addTo(StackConfig.builder()).build();
    }

    @Override
    protected int run(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        if (context.dryRun()) {
            FailoverCycle.Preview preview = FailoverCycle.preview(target, Runbooks.catalog(), runbook,
                    deleteOldDatabases);
            Printer.result(context, preview::toJson, preview::printText);
            return ExitCode.OK.code();
        }
        RunbookSession session = new RunbookSession(context, reportDirectory(report));
        // Nothing to do only when no run of it is left unfinished (a resumed run also lifts a failback's freeze).
        Optional<FinishedCycle> finished = session.unfinishedBeforeLock(session.catalog().load(runbook))
                ? Optional.empty()
                : context.beforeLock(look -> FailoverCycle.finished(target, look.clients(), runbook));
        if (finished.isPresent()) {
            Printer.result(context, finished.get()::toJson, finished.get()::printText);
            return ExitCode.OK.code();
        }
        FailoverCycle.Outcome outcome = FailoverCycle.run(target, session, runbook, deleteOldDatabases);
        Printer.result(context, outcome::toJson, outcome::printText);
        if (!outcome.succeeded()) {
            context.err().println("dr: " + outcome.result().message());
        }
        return outcome.exitCode().code();
    }
}
