package dr.cli.commands;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "graph",
        description = {
            "Print the provisioning plan as a graph of steps.",
            "",
            "The steps of provision and the dependencies between them, without calling AWS.",
            "Changes: nothing.",
            "Takes: about a second.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr graph --primary us-east-1 --dr us-west-2")
public final class GraphCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
