package dr.cli.commands;

import dr.cli.options.DryRunOption;
import picocli.CommandLine.Mixin;

/**
 * A command that changes something and so takes {@code --dry-run}, as its first option (picocli lists a
 * superclass's options before the subclass's own).
 */
abstract class DryRunnableCommand extends DrSubcommand {
    @Mixin
    DryRunOption dryRun;

    @Override
    protected final boolean dryRun() {
        return dryRun.dryRun();
    }
}
