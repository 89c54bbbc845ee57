package dr.core.engine;

import dr.core.clock.Clock;

import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * The state of type {@code type} that {@code owner} keeps for this run of the plan: made by {@code fresh} on the
     * first call in the run, the same object on every later call of the same run, shared by all its steps. What a step
     * found or submitted belongs here rather than in a field of the step, so the same plan value can run again and
     * start afresh; an object several steps share (e.g. one describe of a region's subnets) keeps its state here too.
     */
    default <T> T perRun(Object owner, Class<T> type, Supplier<? extends T> fresh) {
        throw new UnsupportedOperationException("this context keeps no per-run state");
    }

    /** Like {@link #output} but the dependency must have produced it; a missing one is a bug in the plan. */
    default String require(StepKey step, String name) {
        return output(step, name).orElseThrow(() -> new IllegalStateException(
                "step " + step + " produced no output '" + name + "'"));
    }
}
