package dr.cli.commands;

import dr.cli.options.CapacityOptions;
import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.RunbookSession;
import dr.core.ExitCode;
import dr.core.config.StackConfig;
import dr.core.config.StackTarget;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.actions.promote.PromotionOutcome;
import dr.runbooks.actions.promote.PromotionPreview;
import dr.runbooks.actions.promote.ReplicaPromotion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dr.core.config.ConfigKey;

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
                + "name the DR load balancer, CloudFront serves from the DR origin alone). A global step whose API does not "
                + "answer is PENDING, not a failure: run the command again later to finish it. Writes a Markdown and "
                + "JSON report (time to writable, to full capacity, to users on DR; pending steps; evidence) and "
                + "prints its path. Makes no call to the primary region; --dr (or 'dr:' in the config) is required "
                + "for that reason.",
            "Before the approval it prints what a promotion would lose: the replica's last lag reading "
                + "(CloudWatch ReplicaLag, read in the DR region) and its time, or why there is none. With --max-lag "
                + "it stops (exit 3) when that lag is not under the bound, or unknown, unless --force.",
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
public final class PromoteReplicaCommand extends DryRunnableCommand {
    @Mixin
    ReportOption report;

    @Mixin
    CapacityOptions capacity;

    @Option(names = "--max-lag", paramLabel = "SECONDS",
            description = "Stop before the approval (exit 3) when the replica's lag is not under this many seconds, "
                    + "or cannot be read (default: no bound; config key max-lag).")
    Integer maxLag;

    @Option(names = "--force", description = "Promote even when the replica's lag is above --max-lag or unknown; the "
            + "report records it.")
    boolean force;

    @Override
    protected StackConfig stackOptions() {
        return capacity.addTo(StackConfig.builder()).option(ConfigKey.MAX_LAG, maxLag).build();
    }

    @Override
    protected int run(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        if (context.dryRun()) {
            PromotionPreview preview = ReplicaPromotion.preview(target, Runbooks.catalog());
            Printer.result(context, preview::toJson, preview::printText);
            return ExitCode.OK.code();
        }
        PromotionOutcome outcome = ReplicaPromotion.run(target, new RunbookSession(context, reportDirectory(report)),
                target.maxLagSeconds().orElse(null), force);
        Printer.result(context, outcome::toJson, outcome::printText);
        if (!outcome.succeeded()) {
            context.err().println("dr: " + outcome.result().message());
        }
        return outcome.exitCode().code();
    }
}
