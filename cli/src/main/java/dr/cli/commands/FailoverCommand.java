package dr.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "failover",
        description = {"Failover drills: break the primary on purpose, watch traffic move to DR, put it back.", ""},
        subcommands = {FailoverDrillCommand.class, FailoverRestoreCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  dr failover drill --sandbox")
public final class FailoverCommand extends GroupCommand {
}
