package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cleanup",
        description = {
            "Delete everything this stack created, and nothing else.",
            "",
            "Deletes every resource tagged with this stack, in both regions and globally, in an order AWS accepts "
                + "(e.g. CloudFront disabled and deployed before deletion, NAT gateways before their Elastic IPs). "
                + "Resumable: run it again after an interruption.",
            "Changes: deletes the stack, databases included. Never touches anything without this stack's tag.",
            "Takes: about 20 to 30 minutes on AWS (CloudFront and the databases are the slow parts).",
            "Asks for confirmation unless --yes.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr cleanup --stack shop --dry-run", "  dr cleanup --sandbox --yes"})
public final class CleanupCommand extends DrSubcommand {
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
