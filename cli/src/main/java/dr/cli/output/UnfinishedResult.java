package dr.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A command produced its result and then failed while finishing (saving the sandbox, releasing the lock): the
 * result is carried to the error report so that stdout still holds exactly one document, the failure folded into it.
 */
public final class UnfinishedResult extends RuntimeException {
    private final transient JsonNode result;

    private UnfinishedResult(JsonNode result, RuntimeException failure) {
        super(failure.getMessage(), failure);
        this.result = result;
    }

    /** {@code failure} itself when there is no result to carry. */
    public static RuntimeException of(Optional<JsonNode> result, RuntimeException failure) {
        return result.<RuntimeException>map(document -> new UnfinishedResult(document, failure)).orElse(failure);
    }

    public JsonNode result() {
        return result;
    }

    /** What went wrong. */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
