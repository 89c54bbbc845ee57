package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "promote-replica",
        description = {
            "Promote the DR database and scale DR up (real disaster).",
            "",
            "Promotes the DR read replica to a standalone writable database, waits until it is "
                + "available, points the DR database record at it, scales DR compute up to the primary's capacity and "
                + "records the replica lag at promotion (RPO evidence). Makes no call to the primary region.",
            "Changes: the DR region only. Promotion is one-way: the replica stops replicating for good.",
            "Takes: about 10 minutes on AWS (promotion about 5, then scale-up).",
            "Asks for confirmation unless --yes.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr promote-replica --stack shop --dr us-west-2 --yes")
public final class PromoteReplicaCommand extends DrSubcommand {
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
