package dr.core.engine;

/**
 * Identifies a step and the resource it manages: the region it runs in ({@link #GLOBAL} for edge resources)
 * and the logical role, e.g. {@code us-west-2/db-replica}.
 */
public record StepKey(String region, String role) implements Comparable<StepKey> {
    public static final String GLOBAL = "global";

    public static StepKey of(String region, String role) {
        return new StepKey(region, role);
    }

    public static StepKey global(String role) {
        return new StepKey(GLOBAL, role);
    }

    @Override
    public int compareTo(StepKey other) {
        int byRegion = region.compareTo(other.region);
        return byRegion != 0 ? byRegion : role.compareTo(other.role);
    }

    @Override
    public String toString() {
        return region + "/" + role;
    }
}
