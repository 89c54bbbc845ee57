package dr.cli.commands;

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
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook show failover-drill")
public final class RunbookShowCommand extends DrSubcommand {
    @Parameters(paramLabel = "NAME", description = "The runbook, as 'dr runbook list' names it.")
    String name;

    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
