package dr.cli.commands;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "status",
        description = {
            "Report whether the DR region is ready to take over.",
            "",
            "Per region and tier: resources present and "
                + "healthy, replica state and lag, newest recovery point in the DR vault, Auto Scaling capacity, "
                + "health check state, CloudFront deployed, WAF attached. Exit code 3 when not ready.",
            "Changes: nothing (read-only).",
            "Takes: seconds.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr status --sandbox", "  dr status --stack shop --output json"})
public final class StatusCommand extends DrSubcommand {
    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
