package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ValidationMessage;
import java.util.List;

/**
 * One page of an ELBv2 listing: {@code PageSize} items from {@code Marker} on. The marker is the position of the
 * next item, opaque to callers, so SDK paginators walk the listing to its end.
 */
record MarkerPage<T>(List<T> items, String nextMarker) {
    static final int MAX_PAGE_SIZE = 400;

    static <T> MarkerPage<T> of(List<T> all, String marker, Integer pageSize) {
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw ElbErrors.validation(ValidationMessage.of("pageSize", pageSize,
                    "Member must have value between 1 and " + MAX_PAGE_SIZE));
        }
        int from = 0;
        if (marker != null && !marker.isEmpty()) {
            try {
                from = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw ElbErrors.validation("Invalid marker '" + marker + "'");
            }
            if (from < 0 || from > all.size()) {
                throw ElbErrors.validation("Invalid marker '" + marker + "'");
            }
        }
        int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Integer.toString(to) : null;
        return new MarkerPage<>(List.copyOf(all.subList(from, to)), next);
    }
}
