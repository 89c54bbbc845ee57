package dr.cli.commands;

import dr.cli.options.DryRunOption;
import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "drill",
        description = {
            "Run a game-day failover drill and measure the RTO.",
            "",
            "Checks that the replica and the health check are healthy, breaks the primary by revoking "
                + "HTTP/HTTPS ingress on the primary load balancers' security groups (saving the exact rules first), "
                + "observes the health check, the Route 53 answer for api.<domain> and the CloudFront origin, "
                + "restores the saved rules (always, also on Ctrl-C), observes failback and writes a report with a "
                + "timeline and the measured RTO. Exit code 3 when the RTO target is missed.",
            "Changes: revokes, then restores, ingress rules on the primary load balancer security groups; nothing "
                + "else. An interrupted drill is undone by 'dr failover restore'.",
            "Takes: typically 5 to 15 minutes on AWS (health check detection, DNS and CloudFront failover).",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr failover drill --stack shop --yes")
public final class FailoverDrillCommand extends DrSubcommand {
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
