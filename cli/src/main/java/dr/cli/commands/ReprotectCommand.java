package dr.cli.commands;

import dr.runbooks.actions.cycle.FailoverCycle;
import picocli.CommandLine.Command;

@Command(name = "reprotect",
        description = {
            "Make the primary region the standby of the DR writer, after a promotion.",
            "",
            "Once the primary region is back after 'dr promote-replica': retires the primary region's old databases "
                + "(kept and tagged dr:role=db-retired, or deleted with a final snapshot with --delete-old-databases), "
                + "turns off the RDS-managed master secret of the DR writer (RDS makes no read replica of a source "
                + "whose password it manages; a generated password is sent once and forgotten), then runs provision's "
                + "plan for a reprotected stack: an encrypted cross-region read replica of the DR writer in the "
                + "primary region (with that region's RDS key), its database name, the primary region's compute at "
                + "warm-standby size, DR at full size, and the api records and CloudFront kept on DR. 'dr status' "
                + "then reports the stack ready to fail over to the primary region, which 'dr failback' does. Writes "
                + "a Markdown, JSON and HTML report.",
            "Both regions are called: --primary and --dr (or the config) are required. The stack's settings come "
                + "from the config file, as for provision; the domain is read from the stack.",
            "Changes: both regions (databases, compute sizes, the primary's database name) and the IAM database "
                + "policy. AWS Backup is left as it is: its plan protects the images, which the primary region holds.",
            "Safe to run again: a run that died is resumed from its journal. Once a reprotect finished, another has "
                + "nothing to do: it says the stack is reprotected and exits 0, with no lock taken and nothing "
                + "changed. A stack that was never promoted (or was failed back since) is refused (exit 1): there is "
                + "no DR writer to protect, so the request is a mistake (the wrong stack or regions, say) that should "
                + "stop a script, not pass as done.",
            "Takes: about 40 minutes on AWS (the cross-region read replica is the long pole).",
            "Asks for confirmation unless --yes.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr reprotect --stack shop --primary us-east-1 --dr us-west-2 --yes")
public final class ReprotectCommand extends FailoverCycleCommand {
    public ReprotectCommand() {
        super(FailoverCycle.REPROTECT);
    }
}
