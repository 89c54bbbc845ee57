package dr.core.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How the engine retries one kind of error thrown by a step: up to {@code maxRetries} in a row, waiting
 * {@code base × 2^(n-1)} capped at {@code cap} before the n-th retry; with full jitter the wait is a uniform random
 * share of that ("Exponential Backoff And Jitter", AWS Architecture Blog), so throttled callers spread out.
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, boolean fullJitter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
    }

    public static RetryPolicy never() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);
    }

    public boolean allows(int retry) {
        return retry <= maxRetries;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Random random) {
        Duration ceiling = base;
        for (int i = 1; i < retry && ceiling.compareTo(cap) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        if (ceiling.compareTo(cap) > 0) {
            ceiling = cap;
        }
        return fullJitter ? Duration.ofNanos((long) (random.nextDouble() * ceiling.toNanos())) : ceiling;
    }
}
