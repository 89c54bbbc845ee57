package dr.cli.commands;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "iam-policy",
        description = {
            "Print the IAM policy dr needs.",
            "",
            "A JSON policy document with the permissions dr uses, to attach to the role or user that runs it.",
            "Changes: nothing; calls no AWS API.",
            "Takes: about a second.",
            "Not available yet: in progress.",
            ""},
        footerHeading = "%nExample:%n",
        footer = "  dr iam-policy > dr-policy.json")
public final class IamPolicyCommand extends DrSubcommand {
    @Override
    protected boolean needsAws() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        throw notAvailableYet();
    }
}
