package dr.cli.commands;

import dr.runbooks.actions.cycle.FailoverCycle;
import picocli.CommandLine.Command;

@Command(name = "failback",
        description = {
            "Return a reprotected stack to the primary region, in a maintenance window, without data loss.",
            "",
            "Freezes writes: every listener of DR's app load balancer answers 503 maintenance (a listener rule ahead "
                + "of the forward). The load balancer rather than the app tier scaled to zero, because writes reach "
                + "the stack only through api.<domain> and that load balancer, a rule takes effect and is undone at "
                + "once, and the instances stay warm, so a failed failback serves again at once. Then waits until the "
                + "primary region's replica holds every write (replication status replicating after the freeze), "
                + "promotes it, turns deletion protection on, retires DR's old writer (kept, or deleted with a final "
                + "snapshot with --delete-old-databases), and runs provision's plan for a normal stack: the api "
                + "records and CloudFront's origin group back on the primary, the primary at full and DR at "
                + "warm-standby size, a new DR read replica of the new primary. The freeze is lifted always, also when "
                + "a step failed (like the drill's restore). Writes a Markdown, JSON and HTML report with the write "
                + "freeze window (the downtime users saw).",
            "Both regions are called: --primary and --dr (or the config) are required.",
            "Changes: both regions, the api records and CloudFront.",
            "Safe to run again: a run that died is resumed from its journal, and the freeze lifted. Once a failback "
                + "finished, another has nothing to do: it says the stack is in its normal roles and exits 0, with no "
                + "lock taken and nothing changed. A stack that was never promoted is refused (exit 1), as one that "
                + "is promoted but not reprotected is: failing back undoes a failover, so asking for it where none "
                + "happened is a mistake (the wrong stack or regions, say) that should stop a script, not pass as done.",
            "Takes: minutes of write freeze; about 40 minutes in all on AWS (the new DR replica).",
            "Asks for confirmation unless --yes.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr failback --stack shop --primary us-east-1 --dr us-west-2 --yes")
public final class FailbackCommand extends FailoverCycleCommand {
    public FailbackCommand() {
        super(FailoverCycle.FAILBACK);
    }
}
