package dr.regions.inmemory.backup;

import java.util.List;
import java.util.function.Function;

/**
 * One page of an AWS Backup listing: {@code MaxResults} (1 to 1000) and an opaque {@code NextToken}, here the key
 * of the first item of the next page.
 */
record BackupPage<T>(List<T> items, String nextToken) {
    private static final int MAX = 1000;

    static <T> BackupPage<T> of(List<T> items, Function<T, String> key, String token, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX)) {
            throw BackupErrors.invalidParameter("MaxResults must be between 1 and " + MAX);
        }
        int start = 0;
        if (token != null && !token.isEmpty()) {
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (key.apply(items.get(i)).equals(token)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                throw BackupErrors.invalidParameter("Invalid NextToken");
            }
        }
        int end = Math.min(items.size(), start + (maxResults == null ? MAX : maxResults));
        String next = end < items.size() ? key.apply(items.get(end)) : null;
        return new BackupPage<>(List.copyOf(items.subList(start, end)), next);
    }
}
