package dr.regions.inmemory.world;

import dr.core.model.Regions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Every call made to the in-memory cloud, for counters and for proving which region a command touched. */
public final class CallLog {
    /**
     * One API call. {@code region} is {@code global} for Route 53 and CloudFront (their control planes are in
     * us-east-1); {@code at} is the modeled time it was made.
     */
    public record Call(String service, String operation, String region, boolean mutating, Instant at) {
        /** Whether the call went to a control plane in {@code region}: its own APIs, or a global one living there. */
        public boolean controlPlaneIn(String controlPlaneRegion) {
            return region.equals(controlPlaneRegion) || region.equals("global")
                    && controlPlaneRegion.equals(Regions.GLOBAL_EDGE);
        }
    }

    private final List<Call> calls = new ArrayList<>();

    public synchronized void record(Call call) {
        calls.add(call);
    }

    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    public synchronized long count(Predicate<Call> filter) {
        return calls.stream().filter(filter).count();
    }

    public long total() {
        return count(c -> true);
    }

    public long mutating() {
        return count(Call::mutating);
    }

    public long inRegion(String region) {
        return count(c -> c.region().equals(region));
    }

    /** {@code service:Operation → count}, sorted. */
    public synchronized Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        for (Call call : calls) {
            counts.merge(call.service() + ":" + call.operation(), 1L, Long::sum);
        }
        return counts;
    }

    public synchronized void reset() {
        calls.clear();
    }
}
