package dr.cli.commands;

import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.cli.runtime.StackLocator;
import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import dr.regions.readiness.ReplicaReadiness;
import dr.runbooks.actions.status.StackStatus;
import dr.runbooks.actions.status.StatusOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "status",
        description = {
            "Report whether the DR region is ready to take over.",
            "",
            "Per region and tier: resources present and healthy (network, security groups, load balancers and "
                + "target health, launch templates, Auto Scaling desired vs InService), the primary database, the "
                + "replica's state and replication status, the newest recovery point in the DR vault and its age, "
                + "the health check status, CloudFront deployed, WAF attached, certificate states and the api "
                + "failover records. Exit code 3 when DR could not take over, with the reasons; problems in the "
                + "primary region are listed as warnings. Not ready when the replica's lag is not under --max-lag.",
            "Regions: --primary/--dr or the config, else found from the stack's tags.",
            "Changes: nothing (read-only: Describe, List and Get calls only).",
            "Takes: seconds.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr status --sandbox", "  dr status --stack shop --output json", "  dr status --max-lag 30"})
public final class StatusCommand extends DrSubcommand {
    @Option(names = "--max-lag", paramLabel = "SECONDS",
            description = "Not ready when the replica's lag (ReplicaLag, newest reading) is not under this many "
                    + "seconds (default: " + 60 + "; config key max-lag).")
    Integer maxLag;

    @Override
    protected StackConfig stackOptions() {
        return StackConfig.builder().option(ConfigKey.MAX_LAG, maxLag).build();
    }

    @Override
    protected boolean changesCloud() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        StatusOutcome outcome = StackStatus.check(StackLocator.locate(context),
                new RunbookSession(context, Path.of(ReportOption.DEFAULT_DIRECTORY)),
                context.target().flatMap(target -> target.maxLagSeconds()).orElse(
                        (int) ReplicaReadiness.DEFAULT_MAX_LAG.toSeconds()));
        if (context.output().json()) {
            Printer.json(context, outcome.report().toJson());
        } else {
            outcome.report().printText(context.out());
        }
        outcome.problem(context.output().json()).ifPresent(problem -> context.err().println("dr: " + problem));
        return outcome.exitCode().code();
    }
}
