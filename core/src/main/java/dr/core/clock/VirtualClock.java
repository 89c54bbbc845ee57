package dr.core.clock;

import java.time.Duration;
import java.time.Instant;

/** Modeled time: waiting moves the clock forward at once. Thread-safe. */
public final class VirtualClock implements Clock {
    /** A fixed start so that runs are reproducible. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now;

    public VirtualClock() {
        this(EPOCH);
    }

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void waitUntil(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
