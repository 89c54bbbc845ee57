package dr.regions.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every resource the in-memory cloud holds, tagged or not, counted per region, service and collection, read from
 * the world's own state. Two runs that should have built the same thing must have equal censuses; anything extra
 * is a duplicate or an orphan. Bookkeeping that legitimately differs between a straight run and a crashed one
 * (change records, caller references seen, jobs' history) is left out.
 */
final class Census {
    private static final Set<String> BOOKKEEPING = Set.of("changes", "usedCallerReferences", "callerReferences",
            "backupJobs", "copyJobs", "idempotencyTokens", "clientTokens", "healthSamples", "validationSeen");

    private Census() {
    }

    static Map<String, Integer> of(World world) {
        try {
            JsonNode root = new ObjectMapper().readTree(SandboxStore.toJson(world));
            Map<String, Integer> counts = new TreeMap<>();
            root.path("regions").fields().forEachRemaining(region -> region.getValue().fields().forEachRemaining(
                    service -> count(counts, region.getKey() + "/" + service.getKey(), service.getValue())));
            count(counts, "global/route53", root.path("route53"));
            count(counts, "global/cloudFront", root.path("cloudFront"));
            return counts;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(Map<String, Integer> counts, String prefix, JsonNode service) {
        for (Iterator<Map.Entry<String, JsonNode>> it = service.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> collection = it.next();
            JsonNode value = collection.getValue();
            boolean holdsResources = (value.isObject() || value.isArray()) && value.size() > 0
                    && value.elements().next().isObject();
            if (holdsResources && !BOOKKEEPING.contains(collection.getKey())) {
                counts.put(prefix + "/" + collection.getKey(), value.size());
            }
        }
    }

    static int total(Map<String, Integer> census) {
        return census.values().stream().mapToInt(Integer::intValue).sum();
    }
}
