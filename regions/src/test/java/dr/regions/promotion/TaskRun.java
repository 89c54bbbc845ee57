package dr.regions.promotion;

import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.engine.StepResult;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.inmemory.InMemoryCloud;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one promotion task as a one-step plan through the engine's own executor on the sandbox's virtual clock, as the
 * promote runbook does: its polling, backoff, timeout and retries of AWS errors, not a loop of the test's own.
 */
final class TaskRun {
    private static final StepKey KEY = StepKey.of("dr", "promotion-task");

    private TaskRun() {
    }

    /** The task's answer once done; fails the test with the engine's message when the step failed. */
    static StepResult.Done untilDone(InMemoryCloud cloud, Supplier<StepResult> task) {
        TaskStep step = new TaskStep(task);
        ExecutionResult result = new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(Plan.of(step));
        StepOutcome outcome = result.outcome(KEY);
        if (!outcome.succeeded() || !(step.last instanceof StepResult.Done done)) {
            throw new AssertionError("the task did not finish: " + outcome.message());
        }
        return done;
    }

    /** The task as a plan step; keeps its last answer, whose outputs are JSON values the engine keeps as text. */
    private static final class TaskStep implements Step {
        private final Supplier<StepResult> task;
        private StepResult last;

        TaskStep(Supplier<StepResult> task) {
            this.task = task;
        }

        @Override
        public StepKey key() {
            return KEY;
        }

        @Override
        public List<StepKey> dependsOn() {
            return List.of();
        }

        @Override
        public String resourceType() {
            return "promotion task";
        }

        @Override
        public Duration estimate() {
            return Duration.ZERO;
        }

        @Override
        public StepResult execute(StepContext context) {
            last = task.get();
            return last;
        }
    }
}
