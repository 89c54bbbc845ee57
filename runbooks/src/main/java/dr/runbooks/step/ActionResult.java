package dr.runbooks.step;

import dr.core.ExitCode;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one call to {@link RunbookAction#execute}: finished, still waiting, or failed. Like the engine's
 * {@code StepResult}: an action never waits itself, it returns {@link Waiting} and the engine calls it again.
 * Errors worth retrying (throttling) are not results: the action throws them and the engine retries with backoff.
 */
public sealed interface ActionResult {

    /**
     * Finished. {@code summary} is one line for progress and the report (e.g. {@code revoked 4 rules}). {@code outputs}
     * are journaled with the step and readable by later steps, also after a resume: plain JSON values only (text,
     * numbers, true/false, lists, maps); after a resume numbers may come back as another {@link Number} type.
     */
    record Done(String summary, Map<String, Object> outputs) implements ActionResult {
        public Done {
            Objects.requireNonNull(summary, "summary");
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }
    }

    /** Still going (e.g. {@code health check: Success}); call again after {@code pollAfter} at the earliest. */
    record Waiting(String status, Duration pollAfter) implements ActionResult {
        public Waiting {
            Objects.requireNonNull(status, "status");
            pollAfter = pollAfter == null ? Duration.ZERO : pollAfter;
        }
    }

    /**
     * Failed for good. {@code exitCode} is what the run ends with when this is its first failure: {@link ExitCode#FAILED}
     * for an operation that could not finish, {@link ExitCode#NOT_READY} for a check that found the stack not ready,
     * {@link ExitCode#BAD_INPUT} for a run that cannot go on without different input.
     */
    record Failed(String message, ExitCode exitCode) implements ActionResult {
        public Failed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(exitCode, "exitCode");
        }
    }

    static Done done(String summary) {
        return new Done(summary, Map.of());
    }

    static Done done(String summary, Map<String, Object> outputs) {
        return new Done(summary, outputs);
    }

    static Waiting waiting(String status, Duration pollAfter) {
        return new Waiting(status, pollAfter);
    }

    static Failed failed(String message) {
        return new Failed(message, ExitCode.FAILED);
    }

    static Failed notReady(String message) {
        return new Failed(message, ExitCode.NOT_READY);
    }

    static Failed badInput(String message) {
        return new Failed(message, ExitCode.BAD_INPUT);
    }
}
