package dr.regions.provision;

/** Whether a resource that exists can be used yet, with the state AWS reports. */
public record Readiness(State state, String status) {
    public enum State { READY, WAITING, BROKEN }

    public static Readiness ready() {
        return new Readiness(State.READY, "ready");
    }

    public static Readiness waiting(String status) {
        return new Readiness(State.WAITING, status);
    }

    public static Readiness broken(String status) {
        return new Readiness(State.BROKEN, status);
    }

    /** READY when {@code status} equals {@code readyStatus}, BROKEN when it is one of {@code brokenStatuses}. */
    public static Readiness of(String status, String readyStatus, String... brokenStatuses) {
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
