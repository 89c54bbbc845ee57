package dr.core.engine;

import java.time.Duration;
import java.util.Map;

/**
 * The outcome of one call to {@link Step#execute}: finished, still waiting on AWS, or failed for good.
 * Retryable AWS errors are not results: the step throws them and the engine retries with backoff.
 */
public sealed interface StepResult {

    /** Finished. {@code outputs} are what later steps read (e.g. {@code id}, {@code arn}, {@code dnsName}). */
    record Done(Action action, String resourceId, Map<String, String> outputs) implements StepResult {
        public Done {
            outputs = Map.copyOf(outputs);
        }
    }

    /** Submitted and still going (e.g. {@code creating}); poll again after {@code pollAfter} at the earliest. */
    record Waiting(String status, Duration pollAfter) implements StepResult {
    }

    /** Failed for good; {@code error} is the service error behind it, when there was one (else null). */
    record Failed(String message, ServiceError error) implements StepResult {
        public Failed(String message) {
            this(message, null);
        }
    }

    static Done done(Action action, String resourceId, Map<String, String> outputs) {
        return new Done(action, resourceId, outputs);
    }

    static Done done(Action action, String resourceId) {
        return new Done(action, resourceId, Map.of("id", resourceId));
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

    /** Failed on a service error: the message is the error's line, the report gets its parts. */
    static Failed failed(ServiceError error) {
        return new Failed(error.line(), error);
    }
}
