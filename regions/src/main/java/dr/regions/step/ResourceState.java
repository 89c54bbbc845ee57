package dr.regions.step;

/**
 * The state AWS reports for a resource that exists, read as usable yet or not: {@code status} is AWS's own word
 * (e.g. {@code available}, {@code pending}, {@code failed}). Not an outcome: it says nothing of what a step did.
 * {@link EnsureStep} turns it into the step's {@link dr.core.engine.StepResult} (ready: done; waiting: waiting;
 * broken: failed), the one vocabulary for where a unit of work stands.
 */
public record ResourceState(State state, String status) {
    public enum State { READY, WAITING, BROKEN }

    public static ResourceState ready() {
        return new ResourceState(State.READY, "ready");
    }

    public static ResourceState waiting(String status) {
        return new ResourceState(State.WAITING, status);
    }

    public static ResourceState broken(String status) {
        return new ResourceState(State.BROKEN, status);
    }

    /** READY when {@code status} equals {@code readyStatus}, BROKEN when it is one of {@code brokenStatuses}. */
    public static ResourceState of(String status, String readyStatus, String... brokenStatuses) {
        if (readyStatus.equalsIgnoreCase(status)) {
            return ready();
        }
        for (String broken : brokenStatuses) {
            if (broken.equalsIgnoreCase(status)) {
                return broken(status);
            }
        }
        return waiting(status);
    }
}
