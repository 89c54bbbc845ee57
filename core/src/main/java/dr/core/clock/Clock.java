package dr.core.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The time source for the engine and the in-memory cloud. Waiting is the clock's job, so that tests and the
 * sandbox run on virtual time: a modeled 40-minute provision takes seconds of wall time.
 */
public interface Clock {
    Instant now();

    /** Blocks (real clock) or jumps (virtual clock) until {@code instant}; returns at once if it has passed. */
    void waitUntil(Instant instant);

    default void waitFor(Duration duration) {
        waitUntil(now().plus(duration));
    }
}
