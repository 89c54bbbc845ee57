package dr.cli.commands;

/** A command that works on this machine alone (a shell script, the IAM policy): no AWS call, no stack. */
abstract class OfflineCommand extends DrSubcommand {
    @Override
    protected final boolean needsAws() {
        return false;
    }

    @Override
    protected final boolean usesStack() {
        return false;
    }
}
