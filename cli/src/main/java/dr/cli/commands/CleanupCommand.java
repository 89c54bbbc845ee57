package dr.cli.commands;

import dr.cli.options.ReportOption;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.options.DryRunOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.cli.runtime.StackLocator;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.report.CleanupReport;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.cleanup.CleanupPlan;
import dr.runbooks.JournaledRun;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookResult;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.StepReport;
import dr.runbooks.actions.cleanup.CleanupActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
    private static final String RUNBOOK = "cleanup";

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
        String stack = context.target().orElseThrow().stack();
        List<String> regions = StackLocator.regions(context);
        RunbookSession session = new RunbookSession(context, reportDirectory(report));
        Runbook runbook = Runbooks.catalog().load(RUNBOOK);
        Optional<JournaledRun> unfinished = session.unfinished(runbook);
        CleanupPlan plan = new Cleanup(stack, regions, context.clients(), context.clock(),
                new CleanupOptions(skipFinalSnapshot)).plan();
        if (context.dryRun() || (plan.isEmpty() && unfinished.isEmpty())) {
            return printPlan(context, plan);
        }
        if (unfinished.filter(last -> discovered(runbook, last)).isPresent()) {
            context.err().print(plan.describe());
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(CleanupActions.REGIONS_ATTRIBUTE, regions);
        attributes.put(CleanupActions.SKIP_FINAL_SNAPSHOT_ATTRIBUTE, skipFinalSnapshot);
        attributes.put(CleanupActions.PLAN_ATTRIBUTE, plan);
        AtomicReference<CleanupReport> report = new AtomicReference<>();
        attributes.put(CleanupActions.REPORT_ATTRIBUTE, report);
        RunbookResult result = session.runOrResume(runbook, attributes);
        boolean deletionRan = result.steps().stream().anyMatch(step -> step.type().equals(CleanupActions.DELETE.name())
                && step.status() != StepReport.Status.SKIPPED && step.status() != StepReport.Status.PENDING);
        if (report.get() == null || !deletionRan) {
            throw new DrException(result.exitCode(), result.message());
        }
        Map<String, Object> files = result.find("report").map(StepReport::outputs).orElse(Map.of());
        if (context.output().json()) {
            ObjectNode document = report.get().toJson();
            if (files.containsKey("json")) {
                document.putObject("reportFiles").put("markdown", files.get("markdown").toString())
                        .put("json", files.get("json").toString());
            }
            Printer.json(context, document);
        } else {
            report.get().printText(context.out());
            if (files.containsKey("json")) {
                context.out().println("Report: " + files.get("markdown") + " (JSON: " + files.get("json") + ")");
            }
        }
        return result.succeeded() ? ExitCode.OK.code() : result.exitCode().code();
    }

    /** True when the run being resumed listed the stack already: its discover step will not list it again. */
    private static boolean discovered(Runbook runbook, JournaledRun last) {
        return runbook.steps().stream().filter(step -> step.type().equals(CleanupActions.DISCOVER.name()))
                .allMatch(step -> last.finishedSteps().containsKey(step.id()));
    }

    private static int printPlan(CommandContext context, CleanupPlan plan) {
        if (context.output().json()) {
            Printer.json(context, plan.toJson());
        } else {
            context.out().print(plan.describe());
            context.out().println(plan.isEmpty() ? "Nothing of stack " + plan.inventory().stack() + " remains."
                    : "Dry run: nothing was deleted.");
        }
        return ExitCode.OK.code();
    }
}
