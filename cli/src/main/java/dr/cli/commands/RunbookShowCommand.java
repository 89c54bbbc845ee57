package dr.cli.commands;

import dr.core.ExitCode;
import dr.cli.output.Printer;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookText;
import dr.runbooks.builtin.Runbooks;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show",
        description = {
            "Show a runbook's steps.",
            "",
            "The steps in order, with what each one does and changes.",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook show failover-drill")
public final class RunbookShowCommand extends DrSubcommand {
    @Parameters(paramLabel = "NAME|FILE", description = "A built-in runbook, as 'dr runbook list' names it, or "
            + "the path of your own runbook YAML file.")
    String name;

    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        Runbook runbook = Runbooks.describe(name);
        if (context.output().json()) {
            Printer.json(context, RunbookJson.runbook(runbook));
        } else {
            context.out().print(RunbookText.render(runbook));
        }
        return ExitCode.OK.code();
    }
}
