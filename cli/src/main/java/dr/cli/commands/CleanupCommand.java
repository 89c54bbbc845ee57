package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.cli.runtime.StackLocator;
import dr.runbooks.actions.cleanup.CleanupOutcome;
import dr.runbooks.actions.cleanup.CleanupRequest;
import dr.runbooks.actions.cleanup.StackCleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cleanup",
        description = {
            "Delete everything this stack created, and nothing else.",
            "",
            "Runs the cleanup runbook ('dr runbook show cleanup'): lists every resource tagged with this stack, in "
                + "both regions and globally, asks, deletes them in an order AWS accepts (e.g. CloudFront disabled and "
                + "deployed before deletion, NAT gateways before their Elastic IPs), then looks again to confirm "
                + "nothing of the stack remains. Writes a Markdown and JSON report of what went and prints its path. "
                + "Resumable: run it again after an interruption, it continues from its journal and finds only what "
                + "is left.",
            "Changes: deletes the stack, databases included. Never touches anything without this stack's tag.",
            "Takes: about 20 to 30 minutes on AWS (CloudFront and the databases are the slow parts).",
            "Asks for confirmation unless --yes.",
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

    @Mixin
    ReportOption report;

    @Option(names = "--skip-final-snapshot",
            description = "Delete the primary database without the final snapshot dr otherwise takes and keeps.")
    boolean skipFinalSnapshot;

    @Override
    protected int run(CommandContext context) {
        CleanupRequest request = new CleanupRequest(context.target().orElseThrow().stack(),
                StackLocator.regions(context), skipFinalSnapshot, context.dryRun());
        CleanupOutcome outcome = StackCleanup.run(request, new RunbookSession(context, reportDirectory(report)));
        if (context.output().json()) {
            Printer.json(context, outcome.toJson());
        } else {
            outcome.printText(context.out());
        }
        return outcome.exitCode().code();
    }

    @Override
    protected boolean dryRunReadsCloud() {
        return true;
    }
}
