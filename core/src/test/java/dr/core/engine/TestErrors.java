package dr.core.engine;

/** Errors a test step can throw, and a classifier that knows them the way the AWS module knows SDK exceptions. */
final class TestErrors {
    static final class Throttled extends RuntimeException {
        Throttled() {
            super("Rate exceeded");
        }
    }

    static final class NotVisible extends RuntimeException {
        NotVisible(String id) {
            super("InvalidVpcID.NotFound: " + id);
        }
    }

    static final class Flaky extends RuntimeException {
        Flaky() {
            super("connection reset");
        }
    }

    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    /** Stands in for the in-memory cloud's simulated crash: an Error the engine must not swallow. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    static final ErrorClassifier CLASSIFIER = new ErrorClassifier() {
        @Override
        public Kind classify(Throwable error) {
            if (error instanceof Throttled) {
                return Kind.THROTTLED;
            }
            if (error instanceof NotVisible) {
                return Kind.NOT_YET_VISIBLE;
            }
            if (error instanceof Flaky) {
                return Kind.TRANSIENT;
            }
            return Kind.FATAL;
        }

        @Override
        public String describe(Throwable error) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
    };

    private TestErrors() {
    }
}
