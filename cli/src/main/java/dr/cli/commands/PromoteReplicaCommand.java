package dr.cli.commands;

import dr.cli.options.ReportOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.options.CapacityOptions;
import dr.cli.options.DryRunOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.config.StackConfig;
import dr.core.config.StackTarget;
import dr.core.engine.DurationFormat;
import dr.core.model.Capacity;
import dr.core.model.StackSpec;
import dr.regions.database.DatabaseRoles;
import dr.runbooks.JournaledRun;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookText;
import dr.runbooks.Runbooks;
import dr.runbooks.StepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "promote-replica",
        description = {
            "Promote the DR database and scale DR up (real disaster).",
            "",
            "In the DR region only: checks the read replica and records RDS's replication status as RPO evidence, "
                + "promotes it with automated backups kept, waits until it is writable, turns on deletion protection "
                + "and gives it an RDS-managed master secret in the DR region, scales DR compute to the primary's "
                + "capacity, and checks through DNS answers and CloudFront (data planes, no API) that users are served "
                + "from DR. Then, on the global APIs (Route 53, CloudFront, whose control planes are in us-east-1): "
                + "makes sure the DR database record names it, and fences the old primary (both api failover records "
                + "name the DR load balancer, CloudFront tries the DR origin first). A global step whose API does not "
                + "answer is PENDING, not a failure: run the command again later to finish it. Writes a Markdown and "
                + "JSON report (time to writable, to full capacity, to users on DR; pending steps; evidence) and "
                + "prints its path. Makes no call to the primary region; --dr (or 'dr:' in the config) is required "
                + "for that reason.",
            "Exit 0 when users are served from DR with a writable database and full capacity, also with pending "
                + "global steps (listed, with the command that finishes them); 1 when the database, DR's capacity "
                + "or the move of users to DR could not be brought about.",
            "Changes: the DR region, the api records and the CloudFront origin order. Promotion is one-way: the "
                + "replica stops replicating for good; 'dr provision' then keeps DR serving until you fail back "
                + "(README: 'After a promotion').",
            "Safe to run again: a second run changes nothing but what an earlier run left pending; a run that died is "
                + "resumed from its journal.",
            "Takes: about 10 minutes on AWS (promotion about 5, then scale-up and CloudFront).",
            "Asks for confirmation unless --yes.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr promote-replica --stack shop --dr us-west-2 --yes")
public final class PromoteReplicaCommand extends DrSubcommand {
    private static final String RUNBOOK = "promote-replica";

    @Mixin
    DryRunOption dryRun;

    @Mixin
    ReportOption report;

    @Mixin
    CapacityOptions capacity;

    @Override
    protected boolean dryRun() {
        return dryRun.dryRun();
    }

    @Override
    protected StackConfig stackOptions() {
        return capacity.addTo(StackConfig.builder()).build();
    }

    @Override
    protected int run(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        String drRegion = target.drRegion().orElseThrow(() -> DrException.badInput("promote-replica needs the DR "
                + "region (--dr REGION or 'dr:' in the config): it makes no call to the primary region, so it does "
                + "not search the regions for the stack"));
        Runbook runbook = Runbooks.catalog().load(RUNBOOK);
        if (context.dryRun()) {
            return printPlan(context, runbook, target, drRegion);
        }
        RunbookSession session = new RunbookSession(context, reportDirectory(report));
        announcePending(context, session, runbook);
        RunbookResult result = session.runOrResume(runbook, Map.of());
        Optional<Path> json = result.find("report").filter(StepReport::finished)
                .map(step -> step.outputs().get("json")).map(Object::toString).map(Path::of);
        if (json.isEmpty()) {
            throw new DrException(result.exitCode(), result.message());
        }
        if (context.output().json()) {
            Printer.json(context, readJson(json.get()));
        } else {
            printSummary(context, result, json.get());
        }
        if (!result.succeeded()) {
            context.err().println("dr: " + result.message());
        }
        return result.exitCode().code();
    }

    /** A finished earlier run that left global steps pending: this run finishes them (each looks before it acts). */
    private static void announcePending(CommandContext context, RunbookSession session, Runbook runbook) {
        JournaledRun.last(session.journal(runbook.name()))
                .filter(last -> last.runbook().equals(runbook.name()) && last.finished())
                .ifPresent(last -> {
                    List<String> pending = last.finishedSteps().values().stream()
                            .filter(step -> isPending(step.outputs())).map(JournaledRun.FinishedStep::id).toList();
                    if (!pending.isEmpty()) {
                        context.err().println("dr: finishing the global steps the run started " + last.startedAt()
                                + " left pending: " + String.join(", ", pending));
                    }
                });
    }

    private static boolean isPending(Map<String, Object> outputs) {
        return Boolean.TRUE.equals(outputs.get("pending"));
    }

    private static void printSummary(CommandContext context, RunbookResult result, Path json) {
        List<StepReport> pending = new ArrayList<>();
        for (StepReport step : result.steps()) {
            String took = step.finished() ? DurationFormat.compact(step.elapsed()) : "";
            boolean isPending = isPending(step.outputs());
            if (isPending) {
                pending.add(step);
            }
            String status = isPending ? "PENDING" : step.status().name().toLowerCase().replace('_', ' ');
            context.out().println(String.format("%-19s %-13s %8s  %s", step.id(), status, took,
                    step.summary() == null ? "" : step.summary()).stripTrailing());
        }
        String markdown = json.toString().replaceAll("\\.json$", ".md");
        context.out().println((result.succeeded() ? "Promoted" : "Not finished") + " in "
                + DurationFormat.compact(result.duration()) + ". Report: " + markdown + " (JSON: " + json + ")");
        if (result.succeeded() && !pending.isEmpty()) {
            context.out().println("Users are served from DR. " + pending.size() + " global step"
                    + (pending.size() == 1 ? " is" : "s are") + " PENDING (their API did not answer): "
                    + String.join(", ", pending.stream().map(StepReport::id).toList()) + ". Finish them once it "
                    + "answers with: " + pending.get(0).outputs().getOrDefault("finishWith", "dr promote-replica"));
        }
    }

    private static ObjectNode readJson(Path file) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + file, e);
        }
    }

    /** What would be done, from the runbook and the settings alone: no client is created. */
    private static int printPlan(CommandContext context, Runbook runbook, StackTarget target, String drRegion) {
        StackSpec settings = target.settings();
        Capacity capacity = settings.primaryCapacity();
        String database = settings.name(DatabaseRoles.REPLICA_NAME);
        String primary = target.primaryRegion().orElse(null);
        if (context.output().json()) {
            ObjectNode plan = new ObjectMapper().createObjectNode();
            plan.put("dryRun", true);
            plan.put("runbook", runbook.name());
            plan.put("stack", settings.stack());
            plan.put("drRegion", drRegion);
            if (primary == null) {
                plan.putNull("primaryRegion");
            } else {
                plan.put("primaryRegion", primary);
            }
            plan.put("database", database);
            ObjectNode size = plan.putObject("capacity");
            size.put("min", capacity.min());
            size.put("desired", capacity.desired());
            size.put("max", capacity.max());
            plan.set("steps", RunbookJson.runbook(runbook).get("steps"));
            Printer.json(context, plan);
        } else {
            context.out().print(RunbookText.render(runbook));
            context.out().println();
            context.out().println("Would promote " + database + " in " + drRegion + " and scale DR web and app to min "
                    + capacity.min() + ", desired " + capacity.desired() + ", max " + capacity.max() + "; the primary "
                    + "region" + (primary == null ? "" : " " + primary) + " is never called.");
            context.out().println("Dry run: no AWS call was made.");
        }
        return ExitCode.OK.code();
    }
}
