package dr.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "runbook",
        description = {"List, show and run the operational runbooks.", "",
            "The operational flows (failover drill, promote, failback, cleanup) are data: YAML runbooks whose "
                + "steps dr runs one by one.", ""},
        subcommands = {RunbookListCommand.class, RunbookShowCommand.class, RunbookTypesCommand.class,
            RunbookRunCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  dr runbook list")
public final class RunbookCommand extends GroupCommand {
}
