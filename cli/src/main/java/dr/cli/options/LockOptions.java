package dr.cli.options;

import dr.core.DrException;
import dr.runbooks.step.Durations;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.time.Duration;
import java.util.Optional;

/** {@code --wait[=DURATION]}: a command that changes the stack waits for the stack lock instead of exiting 1. */
public final class LockOptions {
    static final String DEFAULT_WAIT = "1h";

    @Option(names = "--wait", arity = "0..1", fallbackValue = DEFAULT_WAIT, paramLabel = "DURATION",
            scope = ScopeType.INHERIT,
            description = "If another dr run holds the stack lock, wait for it (default: up to " + DEFAULT_WAIT
                    + "; e.g. --wait=20m) instead of exiting 1. A lock whose lease ran out is taken over.")
    String wait;

    /** How long to wait for the lock; empty without --wait. Bad input when not a duration. */
    public Optional<Duration> patience() {
        if (wait == null) {
            return Optional.empty();
        }
        Duration duration = Durations.parse(wait).filter(d -> !d.isZero()).orElseThrow(() -> DrException.badInput(
                "--wait " + wait + ": not a duration (e.g. 90s, 10m, 1h30m)"));
        return Optional.of(duration);
    }
}
