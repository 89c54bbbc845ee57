package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.ValidationMessage;
import java.util.List;

/** One page of an Auto Scaling listing: {@code MaxRecords} items from {@code NextToken} on. */
record TokenPage<T>(List<T> items, String nextToken) {
    static <T> TokenPage<T> of(List<T> all, String token, Integer maxRecords, int defaultMax, int limit) {
        if (maxRecords != null && (maxRecords < 1 || maxRecords > limit)) {
            throw AsgErrors.validation(ValidationMessage.of("maxRecords", maxRecords,
                    "Member must have value less than or equal to " + limit));
        }
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw AsgErrors.invalidNextToken(token);
            }
            if (from < 0 || from > all.size()) {
                throw AsgErrors.invalidNextToken(token);
            }
        }
        int to = Math.min(all.size(), from + (maxRecords == null ? defaultMax : maxRecords));
        return new TokenPage<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }
}
