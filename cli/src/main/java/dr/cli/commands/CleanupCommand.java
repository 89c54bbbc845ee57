package dr.cli.commands;

import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.cli.runtime.Confirmation;
import dr.cli.runtime.StackLocator;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.report.SnapshotPurgeReport;
import dr.regions.cleanup.SnapshotPurge;
import dr.runbooks.actions.cleanup.CleanupOutcome;
import dr.runbooks.actions.cleanup.CleanupRequest;
import dr.runbooks.actions.cleanup.StackCleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

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
            "Costs that stay: the report lists the final DB snapshots kept, with their size and monthly cost; "
                + "'dr cleanup --purge-snapshots' removes them.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr cleanup --stack shop --dry-run", "  dr cleanup --sandbox --yes",
            "  dr cleanup --stack shop --primary us-east-1 --dr us-west-2 --purge-snapshots"})
public final class CleanupCommand extends DryRunnableCommand {
    @Mixin
    ReportOption report;

    @Option(names = "--skip-final-snapshot",
            description = "Delete the primary database without the final snapshot dr otherwise takes and keeps.")
    boolean skipFinalSnapshot;

    @Option(names = "--purge-snapshots",
            description = "Instead of a cleanup: remove the final DB snapshots earlier cleanups of this stack kept "
                    + "(listed with their monthly cost in the cleanup report), after confirmation; only snapshots "
                    + "cleanup made for this stack. With --dry-run, lists them.")
    boolean purgeSnapshots;

    @Override
    protected int run(CommandContext context) {
        if (purgeSnapshots) {
            return purgeSnapshots(context);
        }
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

    private int purgeSnapshots(CommandContext context) {
        String stack = context.target().orElseThrow().stack();
        List<String> regions = StackLocator.regions(context);
        if (regions.isEmpty()) {
            throw DrException.badInput("stack " + stack + " has no resources left to find its regions by: pass "
                    + "--primary and --dr to purge its kept snapshots");
        }
        SnapshotPurge purge = new SnapshotPurge(context.clients(), stack, regions);
        SnapshotPurgeReport listed = purge.dryRun();
        if (context.dryRun() || listed.removed().isEmpty()) {
            return print(context, listed);
        }
        if (!context.output().json()) {
            listed.printText(context.out());
            context.out().flush();
        }
        Confirmation.require(context, "Delete these " + listed.removed().size()
                + " snapshot(s)? The data in them cannot be restored afterwards.");
        return print(context, purge.purge(listed.removed()));
    }

    private static int print(CommandContext context, SnapshotPurgeReport report) {
        if (context.output().json()) {
            Printer.json(context, report.toJson());
        } else if (!report.dryRun() || !report.removed().isEmpty()) {
            report.printText(context.out());
        } else {
            context.out().println("No snapshot kept by a cleanup of stack " + report.stack() + ".");
        }
        return (report.succeeded() ? ExitCode.OK : ExitCode.FAILED).code();
    }

    @Override
    protected boolean dryRunReadsCloud() {
        return true;
    }
}
