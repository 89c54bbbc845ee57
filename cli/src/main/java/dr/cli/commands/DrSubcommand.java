package dr.cli.commands;

import dr.cli.options.ReportOption;
import java.nio.file.Path;

import dr.cli.output.Printer;
import dr.cli.output.UnfinishedResult;
import dr.cli.runtime.CommandContext;
import dr.core.config.StackConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A leaf command: its input is validated into a {@link CommandContext} before {@link #run} is called, and the
 * context (with any cloud session) is closed after it, whatever happens.
 */
public abstract class DrSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        CommandContext context = DrCommand.of(spec).context(this);
        int code;
        try {
            code = run(context);
        } catch (RuntimeException failure) {
            try {
                context.close();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw UnfinishedResult.of(context.takeResult(), failure);
        }
        try {
            context.close();
        } catch (RuntimeException failure) {
            throw UnfinishedResult.of(context.takeResult(), failure);
        }
        context.takeResult().ifPresent(result -> Printer.print(context.out(), result));
        return code;
    }

    /** Does the work; returns the exit code (normally 0) or throws a {@link DrException}. */
    protected abstract int run(CommandContext context);

    /** Where this command's report files go: {@code --report}, against the working directory. */
    protected Path reportDirectory(ReportOption option) {
        return option.resolveAgainst(DrCommand.of(spec).workingDirectory());
    }

    /** Whether the command calls AWS (unless {@code --dry-run} or {@code --sandbox}); if so, credentials are checked first. */
    protected boolean needsAws() {
        return true;
    }

    /** Whether the command may change the cloud (when not a dry run); a read-only one leaves the sandbox file as it was. */
    protected boolean changesCloud() {
        return true;
    }

    /**
     * Whether the command holds the stack lock while it runs (when not a dry run): every command that may change the
     * cloud, except {@code unlock}, which exists to break it.
     */
    protected boolean takesStackLock() {
        return changesCloud();
    }

    /** Whether the command must be given both regions (provision) rather than discover them. */
    protected boolean requiresRegions() {
        return false;
    }

    /** Whether the command works on a stack, and so reads the config file and the stack settings. */
    protected boolean usesStack() {
        return true;
    }

    protected boolean dryRun() {
        return false;
    }

    /** Whether the command's dry run reads the cloud (so it needs credentials like a real run, only read-only ones). */
    protected boolean dryRunReadsCloud() {
        return false;
    }

    /** The command's own stack settings (provision's sizes, CIDRs ...); they win over the config file. */
    protected StackConfig stackOptions() {
        return StackConfig.empty();
    }
}
