package dr.cli.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Confirmation prompts. Inherited by every command. */
public final class SafetyOptions {
    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "Do not ask for confirmation (for scripts and CI).")
    boolean yes;

    public boolean assumeYes() {
        return yes;
    }
}
