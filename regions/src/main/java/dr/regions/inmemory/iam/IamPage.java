package dr.regions.inmemory.iam;

import java.util.List;

/**
 * One page of an IAM list: {@code MaxItems} 1 to 1000, default 100; {@code IsTruncated} with an opaque
 * {@code Marker} to pass back (IAM API Reference, "Using pagination"). The marker is the position of the next item.
 */
record IamPage<T>(List<T> items, boolean truncated, String marker) {

    static <T> IamPage<T> of(List<T> all, String marker, Integer maxItems) {
        int max = maxItems == null ? 100 : maxItems;
        if (max < 1 || max > 1000) {
            throw IamErrors.validation(String.valueOf(max), "maxItems",
                    "Member must have value less than or equal to 1000");
        }
        int start = 0;
        if (marker != null) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw IamErrors.invalidInput("Invalid Marker.");
            }
            if (start < 0 || start > all.size()) {
                throw IamErrors.invalidInput("Invalid Marker.");
            }
        }
        int end = Math.min(all.size(), start + max);
        boolean truncated = end < all.size();
        return new IamPage<>(List.copyOf(all.subList(start, end)), truncated, truncated ? String.valueOf(end) : null);
    }
}
