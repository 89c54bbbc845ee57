package dr.cli.commands;

import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.regions.iam.LeastPrivilegePolicy;
import dr.regions.iam.PolicyCommand;
import dr.regions.iam.PolicyDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Command(name = "iam-policy",
        description = {
            "Print the least-privilege IAM policy dr needs.",
            "",
            "One JSON policy document to attach to the role or user that runs dr: per command, one statement per "
                + "service with exactly the API actions the command calls (the code's own list, checked against "
                + "its calls by the tests), then the permissions AWS checks besides those calls (passing the AWS "
                + "Backup role, KMS grants for the encrypted databases, the RDS-managed master password secret, "
                + "service-linked roles, tagging on create), each as narrow as AWS allows, in statements whose Sid "
                + "contains 'Implied'.",
            "Changes: nothing; calls no AWS API and needs no credentials.",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dr iam-policy > dr-policy.json",
            "  dr iam-policy --for drill --account 123456789012 > dr-drill-policy.json",
            "  aws iam create-policy --policy-name dr-provision --policy-document \"$(dr iam-policy --for provision)\""})
public final class IamPolicyCommand extends OfflineCommand {
    @Option(names = "--for", paramLabel = "COMMAND", split = ",",
            completionCandidates = Commands.class,
            description = "Only what these commands need: ${COMPLETION-CANDIDATES} (drill covers 'failover drill' "
                    + "and 'failover restore'; default: all). Comma-separated for several.")
    List<String> commands = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID",
            description = "12-digit AWS account id to put in the ARNs of the narrowed statements (default: *).")
    String account;

    /** The values {@code --for} takes, for help and shell completion. */
    static final class Commands extends ArrayList<String> {
        Commands() {
            for (PolicyCommand command : PolicyCommand.values()) {
                add(command.cliName());
            }
        }
    }

    @Override
    protected int run(CommandContext context) {
        String accountId = account();
        LeastPrivilegePolicy policy = LeastPrivilegePolicy.load();
        List<PolicyCommand> wanted = wanted(policy.commands());
        PolicyDocument document = policy.document(wanted, accountId);
        Printer.json(context, document.toJson());
        if (!document.fitsOneManagedPolicy()) {
            context.err().println("dr: note: this policy has " + document.characters()
                    + " characters; one IAM managed policy holds at most "
                    + PolicyDocument.MANAGED_POLICY_MAX_CHARACTERS + " (white space not counted): "
                    + (wanted.size() > 1 ? "create one policy per command (--for) and attach them all"
                    : "split its statements over two managed policies"));
        }
        return ExitCode.OK.code();
    }

    private String account() {
        if (account == null) {
            return LeastPrivilegePolicy.ANY_ACCOUNT;
        }
        if (!account.matches("\\d{12}")) {
            throw DrException.badInput("--account: '" + account + "' is not a 12-digit AWS account id");
        }
        return account;
    }

    private List<PolicyCommand> wanted(Set<PolicyCommand> recorded) {
        if (commands.isEmpty()) {
            return List.copyOf(recorded);
        }
        List<PolicyCommand> wanted = new ArrayList<>();
        for (String name : commands) {
            PolicyCommand command = PolicyCommand.byName(name).orElseThrow(() -> DrException.badInput(
                    "--for: '" + name + "' is not a dr command; use one of " + PolicyCommand.names()));
            if (!recorded.contains(command)) {
                throw DrException.failed("dr iam-policy --for " + command.cliName() + ": no operations of "
                        + command.cliName() + " are recorded in this build; omit --for to get the whole policy");
            }
            wanted.add(command);
        }
        return wanted;
    }
}
