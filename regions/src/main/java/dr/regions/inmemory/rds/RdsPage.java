package dr.regions.inmemory.rds;

import java.util.List;
import java.util.function.Function;

/**
 * One page of an RDS listing. RDS pages with {@code MaxRecords} (20 to 100, default 100) and an opaque
 * {@code Marker}; here the marker is the key of the first item of the next page, so a listing that changes
 * between calls neither repeats nor skips what stayed.
 */
record RdsPage<T>(List<T> items, String nextMarker) {
    private static final int DEFAULT_MAX = 100;
    private static final int MIN = 20;

    static <T> RdsPage<T> of(List<T> sortedItems, Function<T, String> key, String marker, Integer maxRecords) {
        if (maxRecords != null && (maxRecords < MIN || maxRecords > DEFAULT_MAX)) {
            throw RdsErrors.invalidParameterValue("Invalid value " + maxRecords
                    + " for MaxRecords. Must be between " + MIN + " and " + DEFAULT_MAX);
        }
        int max = maxRecords == null ? DEFAULT_MAX : maxRecords;
        int start = 0;
        if (marker != null && !marker.isEmpty()) {
            while (start < sortedItems.size() && key.apply(sortedItems.get(start)).compareTo(marker) < 0) {
                start++;
            }
        }
        int end = Math.min(sortedItems.size(), start + max);
        String next = end < sortedItems.size() ? key.apply(sortedItems.get(end)) : null;
        return new RdsPage<>(List.copyOf(sortedItems.subList(start, end)), next);
    }
}
