package dr.core.engine;

import dr.core.engine.ErrorClassifier.Kind;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's timing policy. Polling a waiting step: the first poll {@code firstPoll} after it reported waiting,
 * each further one {@code pollMultiplier} times longer up to {@code maxPoll}, never sooner than the step's own
 * {@code pollAfter}. Retrying errors: one {@link RetryPolicy} per retryable {@link Kind}; jitter draws from a
 * {@code Random} seeded with {@code seed}, so a run is reproducible. {@code progressTick} is how often, at most,
 * the engine gives the progress listener a {@code tick} while it waits (zero: never). {@code notFoundWindow} is how
 * long after a create of this run a "not found" still counts as not yet visible (see {@link RecentCreates}).
 */
public record ExecutorSettings(
        Duration firstPoll,
        double pollMultiplier,
        Duration maxPoll,
        RetryPolicy throttled,
        RetryPolicy notYetVisible,
        RetryPolicy transientErrors,
        long seed,
        Duration progressTick,
        Duration notFoundWindow) {

    /**
     * AWS's advice for eventual consistency: back off from a couple of seconds up to a few minutes
     * (Amazon EC2 developer guide, "Eventual consistency in the Amazon EC2 API").
     */
    public static final Duration DEFAULT_NOT_FOUND_WINDOW = Duration.ofMinutes(2);

    public ExecutorSettings {
        Objects.requireNonNull(firstPoll, "firstPoll");
        Objects.requireNonNull(maxPoll, "maxPoll");
        Objects.requireNonNull(throttled, "throttled");
        Objects.requireNonNull(notYetVisible, "notYetVisible");
        Objects.requireNonNull(transientErrors, "transientErrors");
        Objects.requireNonNull(progressTick, "progressTick");
        Objects.requireNonNull(notFoundWindow, "notFoundWindow");
        if (pollMultiplier < 1) {
            throw new IllegalArgumentException("pollMultiplier must be >= 1, was " + pollMultiplier);
        }
    }

    public static ExecutorSettings defaults() {
        return new ExecutorSettings(
                Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10),
                new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(20), true),
                new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8), false),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), true),
                42L,
                Duration.ofSeconds(1),
                DEFAULT_NOT_FOUND_WINDOW);
    }

    public RetryPolicy retryPolicy(Kind kind) {
        return switch (kind) {
            case THROTTLED -> throttled;
            case NOT_YET_VISIBLE -> notYetVisible;
            case TRANSIENT -> transientErrors;
            case FATAL -> RetryPolicy.never();
        };
    }

    /** The poll interval after {@code current}: longer by the multiplier, capped. */
    public Duration nextPoll(Duration current) {
        Duration next = Duration.ofNanos((long) (current.toNanos() * pollMultiplier));
        return next.compareTo(maxPoll) > 0 ? maxPoll : next;
    }

    public ExecutorSettings withSeed(long newSeed) {
        return new ExecutorSettings(firstPoll, pollMultiplier, maxPoll, throttled, notYetVisible, transientErrors,
                newSeed, progressTick, notFoundWindow);
    }

    public ExecutorSettings withRetries(Kind kind, RetryPolicy policy) {
        if (kind == Kind.FATAL) {
            throw new IllegalArgumentException("FATAL errors are never retried");
        }
        return new ExecutorSettings(firstPoll, pollMultiplier, maxPoll,
                kind == Kind.THROTTLED ? policy : throttled,
                kind == Kind.NOT_YET_VISIBLE ? policy : notYetVisible,
                kind == Kind.TRANSIENT ? policy : transientErrors,
                seed, progressTick, notFoundWindow);
    }

    public ExecutorSettings withProgressTick(Duration tick) {
        return new ExecutorSettings(firstPoll, pollMultiplier, maxPoll, throttled, notYetVisible, transientErrors,
                seed, tick, notFoundWindow);
    }

    public ExecutorSettings withNotFoundWindow(Duration window) {
        return new ExecutorSettings(firstPoll, pollMultiplier, maxPoll, throttled, notYetVisible, transientErrors,
                seed, progressTick, window);
    }
}
