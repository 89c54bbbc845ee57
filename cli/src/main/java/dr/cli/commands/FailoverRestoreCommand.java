package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "restore",
        description = {
            "Put back the ingress rules an interrupted drill saved.",
            "",
            "Re-adds the ingress rules a drill saved in its journal, when the drill was interrupted or crashed "
                + "before it could restore them itself.",
            "Changes: re-adds the saved rules on the primary load balancer security groups; nothing else.",
            "Takes: seconds.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr failover restore --stack shop")
public final class FailoverRestoreCommand extends DrSubcommand {
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
