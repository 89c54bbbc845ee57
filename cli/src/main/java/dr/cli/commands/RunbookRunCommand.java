package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run",
        description = {
            "Run a runbook against the stack.",
            "",
            "Runs the steps one by one, as 'dr runbook show NAME' lists them.",
            "Changes: what the runbook's steps change; 'dr runbook show NAME' lists them.",
            "Takes: as long as the runbook (from seconds to about 30 minutes on AWS).",
            "Asks for confirmation before a step that deletes or promotes, unless --yes.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook run failover-drill --stack shop")
public final class RunbookRunCommand extends DrSubcommand {
    @Parameters(paramLabel = "NAME", description = "The runbook, as 'dr runbook list' names it.")
    String name;

    @Mixin
    DryRunOption dryRun;

    @Override
    protected boolean dryRun() {
        return dryRun.dryRun();
    }

    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
