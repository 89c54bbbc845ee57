package dr.core.engine;

import java.time.Duration;

/**
 * Events of a running plan, for live progress. The executor calls them on its own thread, in order. Every method
 * has a no-op default so a listener implements only what it shows; {@link #NONE} shows nothing (JSON output).
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void planStarted(Plan plan) {
    }

    /** The step's first execute is about to happen. */
    default void stepStarted(StepKey key) {
    }

    /** The step reported it is still waiting, e.g. {@code creating}; {@code elapsed} since it started. */
    default void stepStatus(StepKey key, String status, Duration elapsed) {
    }

    /** The step threw a retryable error; the engine tries again after {@code delay}. */
    default void stepRetry(StepKey key, String reason, Duration delay) {
    }

    default void stepDone(StepOutcome outcome) {
    }

    default void stepFailed(StepOutcome outcome) {
    }

    /** The step will not run because a step it depends on failed. */
    default void stepSkipped(StepOutcome outcome) {
    }

    /** Nothing happened, but time passed (at most every {@link ExecutorSettings#progressTick()}): a chance to redraw. */
    default void tick() {
    }

    default void planFinished(ExecutionResult result) {
    }
}
