package dr.core.engine;

/** Tells the engine which errors thrown by a step are worth retrying; the AWS module supplies the rules. */
public interface ErrorClassifier {
    enum Kind {
        /** Throttling: retry with exponential backoff and jitter. */
        THROTTLED,
        /**
         * "Not found". Retried a few times only shortly after this run created something the step relies on (its own
         * create or a dependency's), when it is likely eventual consistency; otherwise fatal at once (a wrong id).
         */
        NOT_YET_VISIBLE,
        /** A network error: retry a few times, then fail. */
        TRANSIENT,
        /** Anything else: the step fails with this message. */
        FATAL
    }

    Kind classify(Throwable error);

    /** One line naming the error for the summary, e.g. {@code DependencyViolation: ...}. */
    default String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** The service's answer, part by part, when {@code error} is a service error; empty for anything else. */
    default java.util.Optional<ServiceError> serviceError(Throwable error) {
        return java.util.Optional.empty();
    }

    ErrorClassifier NONE = error -> Kind.FATAL;
}
