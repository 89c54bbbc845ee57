package dr.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The engine's record of what happened to one step in a run (a report, not an answer: the step's answer to each call
 * is a {@link StepResult}). {@code action} is what the step did (its {@link StepResult.Done}); for a
 * failed step the planned action, for a skipped one {@link Action#SKIP}. {@code resourceId} and {@code message}
 * are null when there is none; {@code startedAt} is null for a step that never ran. {@code attempts} is 1 plus
 * the number of times the engine retried the step after a retryable error, 0 for a skipped step. {@code error} is
 * the service error a failed step ended on, part by part (its line is {@code message}); null for anything else.
 * {@code outputs} are the done step's outputs as text ({@link StepResult.Done#textOutputs()}), as dependents read them.
 */
public record StepOutcome(
        StepKey key,
        String resourceType,
        Action action,
        String resourceId,
        Map<String, String> outputs,
        Status status,
        String message,
        Instant startedAt,
        Instant finishedAt,
        int attempts,
        ServiceError error) {

    public enum Status {
        /** Finished; its outputs are available to dependents. */
        DONE,
        /** Failed for good; its dependents are skipped, the run goes on with the rest. */
        FAILED,
        /** Never ran because a step it depends on failed. */
        SKIPPED;

        public boolean successful() {
            return this == DONE;
        }
    }

    public StepOutcome {
        outputs = Map.copyOf(outputs);
    }

    /** An outcome that no service error ended. */
    public StepOutcome(StepKey key, String resourceType, Action action, String resourceId, Map<String, String> outputs,
                       Status status, String message, Instant startedAt, Instant finishedAt, int attempts) {
        this(key, resourceType, action, resourceId, outputs, status, message, startedAt, finishedAt, attempts, null);
    }

    public boolean succeeded() {
        return status.successful();
    }

    /** Clock time from the first execute to the end; zero for a step that never ran. */
    public Duration elapsed() {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }
}
