package dr.cli.commands;

import dr.cli.output.Printer;
import dr.cli.runtime.Confirmation;
import dr.cli.runtime.StackLocator;
import dr.core.ExitCode;
import dr.core.report.CleanupReport;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.cleanup.CleanupPlan;
import java.util.List;
import picocli.CommandLine.Option;

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

    @Option(names = "--skip-final-snapshot",
            description = "Delete the primary database without the final snapshot dr otherwise takes and keeps.")
    boolean skipFinalSnapshot;

    @Override
    protected int run(CommandContext context) {
        String stack = context.target().orElseThrow().stack();
        List<String> regions = StackLocator.regions(context);
        Cleanup cleanup = new Cleanup(stack, regions, context.clients(), context.clock(),
                new CleanupOptions(skipFinalSnapshot));
        CleanupPlan plan = cleanup.plan();
        if (context.dryRun() || plan.isEmpty()) {
            if (context.output().json()) {
                Printer.json(context, plan.toJson());
            } else {
                context.out().print(plan.describe());
                context.out().println(plan.isEmpty() ? "Nothing of stack " + stack + " remains."
                        : "Dry run: nothing was deleted.");
            }
            return ExitCode.OK.code();
        }
        Confirmation.require(context, "Delete " + plan.plan().size() + " resources of stack " + stack
                + " in " + String.join(", ", regions) + " and globally?");
        CleanupReport report = cleanup.run(plan, Printer.progress(context));
        if (context.output().json()) {
            Printer.json(context, report.toJson());
        } else {
            report.printText(context.out());
        }
        return report.stackGone() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
