package dr.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.runbooks.actions.drill.FailoverDrill;
import dr.runbooks.actions.drill.RestoreOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
public final class FailoverRestoreCommand extends DryRunnableCommand {
    @Mixin
    ReportOption report;

    @Override
    protected int run(CommandContext context) {
        RestoreOutcome outcome = FailoverDrill.restore(new RunbookSession(context, reportDirectory(report)),
                context.target().orElseThrow().stack(), context.dryRun());
        Optional<ObjectNode> json = context.output().json() ? outcome.toJson() : Optional.empty();
        if (json.isPresent()) {
            Printer.json(context, json.get());
        } else {
            outcome.printText(context.out());
        }
        outcome.problem().ifPresent(problem -> context.err().println("dr: " + problem));
        return outcome.exitCode().code();
    }
}
