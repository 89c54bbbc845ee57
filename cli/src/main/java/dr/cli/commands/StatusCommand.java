package dr.cli.commands;

import dr.cli.options.ReportOption;

import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.cli.runtime.StackLocator;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.model.StackSpec;
import dr.regions.readiness.ReadinessReport;
import dr.runbooks.RunbookResult;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.actions.status.StatusActions;
import dr.runbooks.actions.status.StatusFindings;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

@Command(name = "status",
        description = {
            "Report whether the DR region is ready to take over.",
            "",
            "Per region and tier: resources present and healthy (network, security groups, load balancers and "
                + "target health, launch templates, Auto Scaling desired vs InService), the primary database, the "
                + "replica's state and replication status, the newest recovery point in the DR vault and its age, "
                + "the health check status, CloudFront deployed, WAF attached, certificate states and the api "
                + "failover records. Exit code 3 when DR could not take over, with the reasons; problems in the "
                + "primary region are listed as warnings. Replica lag in seconds is not shown: it is the CloudWatch "
                + "metric ReplicaLag, which dr does not read.",
            "Regions: --primary/--dr or the config, else found from the stack's tags.",
            "Changes: nothing (read-only: Describe, List and Get calls only).",
            "Takes: seconds.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr status --sandbox", "  dr status --stack shop --output json"})
public final class StatusCommand extends DrSubcommand {
    @Override
    protected boolean changesCloud() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        StackSpec spec = StackLocator.locate(context);
        RunbookResult result = new RunbookSession(context, Path.of(ReportOption.DEFAULT_DIRECTORY))
                .runReadOnly(Runbooks.catalog().load("status"), Map.of(StatusActions.SPEC_ATTRIBUTE, spec));
        Optional<ReadinessReport> found = StatusFindings.report(result);
        if (found.isEmpty()) {
            throw new DrException(result.exitCode(), result.message());
        }
        ReadinessReport report = found.get();
        if (context.output().json()) {
            Printer.json(context, report.toJson());
        } else {
            report.printText(context.out());
        }
        if (result.exitCode() == ExitCode.OK) {
            return ExitCode.OK.code();
        }
        if (result.exitCode() == ExitCode.NOT_READY) {
            context.err().println("dr: not ready for failover: " + report.reasons().size() + " reason"
                    + (report.reasons().size() == 1 ? "" : "s") + (context.output().json() ? " in the JSON document"
                    : " listed above"));
        } else {
            context.err().println("dr: " + result.message());
        }
        return result.exitCode().code();
    }
}
