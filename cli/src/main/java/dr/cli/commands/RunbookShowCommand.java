package dr.cli.commands;

import dr.core.ExitCode;
import dr.runbooks.Runbooks;

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
        context.out().print(Runbooks.show(name));
        return ExitCode.OK.code();
    }
}
