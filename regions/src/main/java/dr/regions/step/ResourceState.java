package dr.regions.step;

/** Whether a resource that exists can be used yet, with the state AWS reports. */
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
