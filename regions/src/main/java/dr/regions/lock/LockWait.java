package dr.regions.lock;

import dr.core.clock.Clock;
import dr.core.engine.DurationFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code --wait}: tries the lock every {@link #POLL} until it is taken or {@code patience} has passed, saying who it
 * waits for when it starts and then once a minute. An expired lease is taken over by {@link StackLock#tryAcquire}, so
 * a dead holder costs at most one lease.
 */
public final class LockWait {
    static final Duration POLL = Duration.ofSeconds(10);
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private LockWait() {
    }

    public static StackLock.Attempt acquire(StackLock lock, LockHolder holder, String command, Clock clock,
                                            Duration patience, StackLock.StaleCheck stale, Consumer<String> progress) {
        Instant start = clock.now();
        Instant deadline = start.plus(patience);
        Instant nextReport = start;
        while (true) {
            Instant now = clock.now();
            StackLock.Attempt attempt = lock.tryAcquire(holder, command, now, stale);
            if (attempt instanceof StackLock.Taken || !now.isBefore(deadline)) {
                return attempt;
            }
            if (!now.isBefore(nextReport)) {
                progress.accept("waiting for the stack lock on " + lock.stack() + ", held by "
                        + ((StackLock.HeldByOther) attempt).holder().describe() + " (waited "
                        + DurationFormat.compact(Duration.between(start, now)) + " of "
                        + DurationFormat.compact(patience) + ")");
                nextReport = now.plus(REPORT_EVERY);
            }
            Instant next = now.plus(POLL);
            clock.waitUntil(next.isAfter(deadline) ? deadline : next);
        }
    }
}
