package dr.cli.commands;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "list",
        description = {
            "List the runbooks.",
            "",
            "Each runbook with a one-line summary.",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook list")
public final class RunbookListCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
