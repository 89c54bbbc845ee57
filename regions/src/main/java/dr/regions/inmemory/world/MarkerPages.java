package dr.regions.inmemory.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of a listing that AWS pages with a marker, for a fake that reads another service's listing. */
public final class MarkerPages {
    private MarkerPages() {
    }

    /**
     * Calls {@code page} with no marker, then with each {@code nextMarker} until there is none, collecting the
     * {@code items} of every page in order.
     */
    public static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> items,
                                     Function<R, String> nextMarker) {
        List<T> all = new ArrayList<>();
        String marker = null;
        do {
            R response = page.apply(marker);
            all.addAll(items.apply(response));
            marker = nextMarker.apply(response);
        } while (marker != null);
        return all;
    }
}
