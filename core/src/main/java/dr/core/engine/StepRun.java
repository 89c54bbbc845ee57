package dr.core.engine;

import java.time.Duration;
import java.time.Instant;

/** The engine's bookkeeping for one step during one run. */
final class StepRun {
    enum State { BLOCKED, DUE, FINISHED }

    final Step step;
    final StepContext context;
    State state = State.BLOCKED;
    Instant nextPoll;
    Instant startedAt;
    /** The engine's current poll interval; null until the step first reports waiting. */
    Duration pollInterval;
    int consecutiveErrors;
    int retries;

    StepRun(Step step, StepContext context) {
        this.step = step;
        this.context = context;
    }

    StepKey key() {
        return step.key();
    }

    boolean isDue(Instant now) {
        return state == State.DUE && !nextPoll.isAfter(now);
    }

    Instant deadline() {
        return startedAt.plus(step.timeout());
    }

    /** The next poll time: {@code delay} from now, but no later than the deadline so a timeout is seen on time. */
    void scheduleAfter(Instant now, Duration delay) {
        Instant next = now.plus(delay);
        nextPoll = next.isAfter(deadline()) ? deadline() : next;
    }

    Duration elapsed(Instant now) {
        return Duration.between(startedAt, now);
    }

    int attempts() {
        return retries + 1;
    }
}
