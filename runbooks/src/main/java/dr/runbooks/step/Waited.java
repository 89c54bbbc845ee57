package dr.runbooks.step;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a polling action has been at it: the time since its first call. The engine calls a waiting action again
 * on its clock, so the action measures its own limit from the first look rather than from when the run began.
 */
public final class Waited {
    private Instant since;

    /** True until the first {@link #until}: the action's first call still has its one-time work to do. */
    public boolean notStarted() {
        return since == null;
    }

    /** The time from the first call (which this starts, when it is the first) to {@code now}. */
    public Duration until(Instant now) {
        if (since == null) {
            since = now;
        }
        return Duration.between(since, now);
    }
}
