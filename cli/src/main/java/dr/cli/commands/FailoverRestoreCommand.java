package dr.cli.commands;

import dr.cli.options.ReportOption;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.options.DryRunOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.core.ExitCode;
import dr.core.engine.Journal;
import dr.runbooks.JournaledRun;
import dr.runbooks.RunbookResult;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.StepReport;
import dr.runbooks.actions.drill.DrillActions;
import dr.runbooks.actions.drill.DrillJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Optional;

@Command(name = "restore",
        description = {
            "Put back what an interrupted drill changed.",
            "",
            "When a drill died before it could restore (the process was killed, the machine went away), re-adds "
                + "exactly the ingress rules it saved in its journal, those that are missing (or reverts the health "
                + "check), then writes the drill's report with what was observed. Run it from the directory the "
                + "drill ran in (the journal is under .dr/journal/). Says 'nothing to restore' when the last drill "
                + "restored what it changed; running it twice is harmless.",
            "Changes: re-adds the saved rules on the primary load balancer security groups (or reverts the health "
                + "check); nothing else.",
            "Takes: seconds.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr failover restore --stack shop")
public final class FailoverRestoreCommand extends DrSubcommand {
    @Mixin
    DryRunOption dryRun;

    @Mixin
    ReportOption report;

    @Override
    protected boolean dryRun() {
        return dryRun.dryRun();
    }

    @Override
    protected int run(CommandContext context) {
        RunbookSession session = new RunbookSession(context, reportDirectory(report));
        Journal journal = session.journal(FailoverDrillCommand.RUNBOOK);
        Optional<JournaledRun> last = JournaledRun.last(journal);
        if (last.isEmpty() || last.get().pendingAlwaysSteps().isEmpty()) {
            return nothingToRestore(context, last.isEmpty()
                    ? "no drill of stack " + context.target().orElseThrow().stack() + " has run here (journal "
                    + journal.path() + ")"
                    : "the drill started " + last.get().startedAt() + " restored what it changed");
        }
        List<String> saved = new DrillJournal(journal).savedFaults();
        if (context.dryRun()) {
            context.out().println("Would restore, for the drill started " + last.get().startedAt() + ":");
            (saved.isEmpty() ? List.of("nothing was changed yet; only the report would be written") : saved)
                    .forEach(line -> context.out().println("  " + line));
            context.out().println("Dry run: nothing was changed.");
            return ExitCode.OK.code();
        }
        RunbookResult result = session.recover(Runbooks.catalog().load(FailoverDrillCommand.RUNBOOK));
        Optional<DrillJournal.WrittenReport> report = new DrillJournal(journal).lastReport();
        Optional<StepReport> restore = result.steps().stream()
                .filter(step -> step.type().equals(DrillActions.RESTORE)).findFirst();
        boolean restored = restore.map(StepReport::finished).orElse(false);
        if (context.output().json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("restored", restored);
            root.put("message", restore.map(StepReport::summary).orElse(result.message()));
            report.ifPresent(r -> {
                ObjectNode files = root.putObject("report");
                files.put("verdict", r.verdict());
                files.put("markdown", r.markdown().toString());
                files.put("json", r.json().toString());
                files.put("html", r.html().toString());
            });
            Printer.json(context, root);
        } else {
            restore.filter(StepReport::finished)
                    .ifPresent(step -> context.out().println("Restore: " + step.summary()));
            report.ifPresent(r -> DrillOutput.printText(context, r));
        }
        if (!restored) {
            context.err().println("dr: " + result.message());
            return result.exitCode() == ExitCode.OK ? ExitCode.FAILED.code() : result.exitCode().code();
        }
        return ExitCode.OK.code();
    }

    private static int nothingToRestore(CommandContext context, String why) {
        if (context.output().json()) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("restored", false);
            root.put("message", "nothing to restore: " + why);
            Printer.json(context, root);
        } else {
            context.out().println("Nothing to restore: " + why + ".");
        }
        return ExitCode.OK.code();
    }
}
