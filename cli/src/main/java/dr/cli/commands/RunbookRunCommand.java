package dr.cli.commands;

import dr.cli.options.ReportOption;

import dr.cli.runtime.RunbookSession;
import dr.core.ExitCode;
import dr.cli.output.Printer;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookText;
import dr.runbooks.builtin.Runbooks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.runbooks.StepReport;
import java.util.Map;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "run",
        description = {
            "Run a runbook against the stack.",
            "",
            "Runs the steps one by one, as 'dr runbook show NAME' lists them, with a journal: if a run of the same "
                + "runbook died, this one resumes it, without repeating the steps it finished.",
            "Changes: what the runbook's steps change; 'dr runbook show NAME' lists them.",
            "Takes: as long as the runbook (from seconds to about 30 minutes on AWS).",
            "Asks for confirmation before a step that deletes or promotes, unless --yes.",
            ""},
        footerHeading = "%nExample:%n",
        footer = {"  dr runbook run status --stack shop",
            "  dr runbook run ./my-drill-with-approval.yaml --primary us-east-1 --dr us-west-2"})
public final class RunbookRunCommand extends DrSubcommand {
    @Parameters(paramLabel = "NAME|FILE", description = "A built-in runbook, as 'dr runbook list' names it, or the "
            + "path of your own runbook YAML file (e.g. a copy of a built-in with an extra approval step).")
    String name;

    @Mixin
    ReportOption report;

    @Mixin
    DryRunOption dryRun;

    @Override
    protected boolean dryRun() {
        return dryRun.dryRun();
    }

    @Override
    protected int run(CommandContext context) {
        if (context.dryRun()) {
            Runbook shown = Runbooks.describe(name);
            if (context.output().json()) {
                ObjectNode plan = RunbookJson.runbook(shown);
                plan.put("dryRun", true);
                Printer.json(context, plan);
            } else {
                context.out().print(RunbookText.render(shown));
                context.out().println("Dry run: nothing was run.");
            }
            return ExitCode.OK.code();
        }
        Runbook runbook = Runbooks.load(name);
        RunbookResult result = new RunbookSession(context, reportDirectory(report))
                .runOrResume(runbook, Map.of());
        if (context.output().json()) {
            Printer.json(context, RunbookJson.result(result));
            return result.exitCode().code();
        }
        for (StepReport step : result.steps()) {
            context.out().printf("%-24s %-9s %s%n", step.id(), step.status().name().toLowerCase(),
                    step.summary() == null ? "" : step.summary());
        }
        context.out().println(result.succeeded() ? "Runbook " + runbook.name() + " finished."
                : "Runbook " + runbook.name() + " stopped: " + result.message());
        return result.exitCode().code();
    }
}
