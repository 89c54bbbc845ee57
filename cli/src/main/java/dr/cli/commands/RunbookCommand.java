package dr.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "runbook",
        description = {"List, show and run the operational runbooks.", "",
            "The operational flows (status, failover drill, promote-replica, cleanup) are data: YAML runbooks whose "
                + "steps dr runs one by one, with a journal. 'types' lists the step types your own runbooks can use.",
            ""},
        subcommands = {RunbookListCommand.class, RunbookShowCommand.class, RunbookTypesCommand.class,
            RunbookRunCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  dr runbook list", "  dr runbook show cleanup", "  dr runbook types"})
public final class RunbookCommand extends GroupCommand {
}
