package dr.cli.commands;

import dr.cli.options.ReportOption;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.cli.runtime.Confirmation;
import dr.cli.runtime.RunbookSession;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.runbooks.builtin.Runbooks;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookText;
import dr.runbooks.actions.drill.DrillOptions;
import dr.runbooks.actions.drill.DrillOutcome;
import dr.runbooks.actions.drill.FailoverDrill;
import dr.runbooks.step.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "drill",
        description = {
            "Run a game-day failover drill and measure the RTO.",
            "",
            "Checks that the stack is complete, the replica available, the health check healthy and the DR Auto "
                + "Scaling groups in service (exit 3 otherwise, unless --force); breaks the primary by revoking "
                + "HTTP/HTTPS ingress on the primary load balancers' security groups, saving the exact rules to the "
                + "journal first (or, with --fault health-check, by inverting the Route 53 health check); observes "
                + "the health check, the Route 53 answer for api.<domain> and the region CloudFront serves from; "
                + "restores the saved rules (always: also on a timeout, on Ctrl-C, and after a crash with 'dr "
                + "failover restore'); observes failback and writes a report (Markdown, JSON, HTML with a timeline) "
                + "with the measured RTO per tier. Exit code 3 when the RTO target is missed.",
            "Changes: revokes, then restores, HTTP/HTTPS ingress rules on the primary load balancer security groups "
                + "(or inverts, then reverts, the health check); nothing else. Asks for confirmation unless --yes.",
            "Takes: typically 5 to 15 minutes on AWS (health check detection, DNS and CloudFront failover); "
                + "seconds in the sandbox.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  dr failover drill --stack shop --yes",
            "  dr failover drill --sandbox --yes --fault health-check --rto-target 2m --report ./reports"})
public final class FailoverDrillCommand extends DryRunnableCommand {
    @Option(names = "--fault", paramLabel = "KIND",
            description = "What to break: 'ingress' revokes HTTP/HTTPS on the primary load balancers' security "
                    + "groups (default, the seed guide's method); 'health-check' inverts the Route 53 health check "
                    + "(DNS fails over, CloudFront does not); 'network' moves the primary load balancers' subnets to "
                    + "a deny-all network ACL (cuts established connections too). See the README for what each "
                    + "simulates.")
    String fault;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long to wait for failover, and then for failback (default: 10m). Running out of time "
                    + "still restores and reports.")
    String timeout;

    @Option(names = "--rto-target", paramLabel = "DURATION",
            description = "The RTO each tier must meet, e.g. 5m (default: 5m). Exit code 3 when missed.")
    String rtoTarget;

    @Option(names = "--force", description = "Run the drill even when the preflight finds the stack not ready; the "
            + "problems are listed in the report.")
    boolean force;

    @Mixin
    ReportOption report;

    @Override
    protected int run(CommandContext context) {
        Runbook drill = FailoverDrill.runbook(new DrillOptions(fault, duration("--timeout", timeout),
                duration("--rto-target", rtoTarget), force ? Boolean.TRUE : null), Runbooks.catalog());
        if (context.dryRun()) {
            context.out().print(RunbookText.render(drill));
            context.out().println("Dry run: nothing was changed.");
            return ExitCode.OK.code();
        }
        RunbookSession session = new RunbookSession(context, reportDirectory(report), DrCommand.of(spec).shutdownHooks());
        FailoverDrill.requireRestored(session);
        Confirmation.require(context, "Break the primary region of stack " + context.target().orElseThrow().stack()
                + " on purpose (" + (fault == null ? "ingress" : fault) + " fault), watch it fail over, then "
                + "restore it?");
        // A Ctrl-C ends the process once its hook has restored and reported, maybe before this thread prints: the
        // hook then prints the outcome (once, whichever thread gets there first).
        Object printing = new Object();
        AtomicBoolean printed = new AtomicBoolean();
        session.onInterrupt(result -> {
            synchronized (printing) {
                if (!printed.getAndSet(true)) {
                    print(context, FailoverDrill.interrupted(result, session));
                }
                context.takeResult().ifPresent(document -> Printer.print(context.out(), document));
                context.out().flush();
            }
        });
        DrillOutcome outcome = FailoverDrill.run(drill, session);
        synchronized (printing) {
            if (!printed.getAndSet(true)) {
                print(context, outcome);
            }
        }
        if (!outcome.succeeded()) {
            context.err().println("dr: " + outcome.result().message());
        }
        return outcome.exitCode().code();
    }

    private static void print(CommandContext context, DrillOutcome outcome) {
        if (context.output().json()) {
            Printer.json(context, outcome.toJson());
        } else {
            outcome.printText(context.out());
        }
    }

    /** {@code --timeout 10m}: null when not given; bad input when not a duration. */
    private static Duration duration(String option, String value) {
        if (value == null) {
            return null;
        }
        return Durations.parse(value).orElseThrow(() -> DrException.badInput(option + " " + value
                + ": not a duration (e.g. 90s, 10m, 1h30m)"));
    }
}
