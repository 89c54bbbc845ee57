package dr.cli.options;

import picocli.CommandLine.Option;

/** {@code --dry-run}, on the commands that change something. */
public final class DryRunOption {
    @Option(names = "--dry-run", description = "Show what would be done, without changing anything.")
    boolean dryRun;

    public boolean dryRun() {
        return dryRun;
    }
}
