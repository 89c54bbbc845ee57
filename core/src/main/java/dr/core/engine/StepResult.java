package dr.core.engine;

import dr.core.ExitCode;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one way a unit of work says where it stands after one call: finished, still waiting on AWS, or failed for
 * good. Plan steps ({@link Step#execute}), runbook actions, promotion tasks and cleanup deletions all answer with it.
 * Retryable AWS errors are not results: the work throws them and the engine retries with backoff.
 */
public sealed interface StepResult {

    /**
     * Finished. {@code resourceId} is the resource the step acted on; for {@link Action#RUN} work, which acts on no
     * single resource, the one line that says what it did (e.g. {@code revoked 4 rules}): progress shows it either way.
     * {@code outputs} are what later steps read (e.g. {@code id}, {@code arn}, {@code dnsName}): plain JSON values
     * (text, numbers, true/false, lists, maps), in their order; a dependent plan step reads them as text.
     */
    record Done(Action action, String resourceId, Map<String, Object> outputs) implements StepResult {
        public Done {
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }

        /** The outputs as text, as dependents read them through {@link StepContext#output}; null values left out. */
        public Map<String, String> textOutputs() {
            Map<String, String> text = new LinkedHashMap<>();
            outputs.forEach((name, value) -> {
                if (value != null) {
                    text.put(name, value.toString());
                }
            });
            return Collections.unmodifiableMap(text);
        }
    }

    /** Submitted and still going (e.g. {@code creating}); poll again after {@code pollAfter} at the earliest. */
    record Waiting(String status, Duration pollAfter) implements StepResult {
        public Waiting {
            pollAfter = pollAfter == null ? Duration.ZERO : pollAfter;
        }
    }

    /**
     * Failed for good. {@code error} is the service error behind it, when there was one (else null). {@code exitCode}
     * is what a run that ends on this failure exits with: {@link ExitCode#FAILED} for work that could not finish,
     * {@link ExitCode#NOT_READY} for a check that found the stack not ready, {@link ExitCode#BAD_INPUT} for work that
     * cannot go on without different input.
     */
    record Failed(String message, ServiceError error, ExitCode exitCode) implements StepResult {
        public Failed {
            Objects.requireNonNull(exitCode, "exitCode");
        }

        public Failed(String message, ServiceError error) {
            this(message, error, ExitCode.FAILED);
        }

        public Failed(String message) {
            this(message, null, ExitCode.FAILED);
        }
    }

    static Done done(Action action, String resourceId, Map<String, ?> outputs) {
        return new Done(action, resourceId, new LinkedHashMap<>(outputs));
    }

    static Done done(Action action, String resourceId) {
        return new Done(action, resourceId, Map.of("id", resourceId));
    }

    /** Done with {@link Action#RUN}: work that acts on no single resource, with its one-line summary. */
    static Done ran(String summary) {
        return ran(summary, Map.of());
    }

    /** Like {@link #ran(String)}, with outputs for later steps and the report, kept in their order. */
    static Done ran(String summary, Map<String, ?> outputs) {
        Objects.requireNonNull(summary, "summary");
        return new Done(Action.RUN, summary, new LinkedHashMap<>(outputs));
    }

    static Waiting waiting(String status) {
        return new Waiting(status, Duration.ZERO);
    }

    static Waiting waiting(String status, Duration pollAfter) {
        return new Waiting(status, pollAfter);
    }

    static Failed failed(String message) {
        return new Failed(message);
    }

    /** Failed with an exit code other than {@link ExitCode#FAILED}, e.g. a check that found the stack not ready. */
    static Failed failed(String message, ExitCode exitCode) {
        return new Failed(message, null, exitCode);
    }

    /** Failed on a service error: the message is the error's line, the report gets its parts. */
    static Failed failed(ServiceError error) {
        return new Failed(error.line(), error);
    }
}
