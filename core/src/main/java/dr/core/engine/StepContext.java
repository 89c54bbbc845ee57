package dr.core.engine;

import dr.core.clock.Clock;

import java.util.Optional;

/** What a running step can see: the clock and the outputs of the steps it depends on. */
public interface StepContext {
    Clock clock();

    /** An output of a finished step, e.g. {@code output(StepKey.of("us-east-1", "vpc"), "id")}. */
    Optional<String> output(StepKey step, String name);

    /**
     * Tells the engine this step has just created {@code resourceId}, or seen it appear (a job's result). For a short
     * while AWS may still answer "not found" for it (eventual consistency); the engine retries such answers only in
     * that window after a create of this run, and fails a "not found" at once otherwise (a wrong id).
     */
    default void created(String resourceId) {
    }

    /** Like {@link #output} but the dependency must have produced it; a missing one is a bug in the plan. */
    default String require(StepKey step, String name) {
        return output(step, name).orElseThrow(() -> new IllegalStateException(
                "step " + step + " produced no output '" + name + "'"));
    }
}
