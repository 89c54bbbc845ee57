package dr.regions.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything of one stack that discovery found, per region and globally, at one moment. A value: readers of the
 * stack ({@code dr status}, {@code dr cleanup}) take it and decide what it means. {@code unreachable} names the
 * regions (or {@code global}) that could not be read, with the error: what lives there is missing from
 * {@code resources}, so such an inventory is not complete. {@code notVerified} names the kinds of resource a
 * reachable region answered with an error for: the same, for those kinds only.
 */
public record Inventory(String stack, List<String> regions, List<StackResource> resources,
                        Map<String, String> unreachable, List<NotVerified> notVerified) {

    public Inventory {
        regions = List.copyOf(regions);
        resources = List.copyOf(resources);
        unreachable = Map.copyOf(new TreeMap<>(unreachable));
        notVerified = List.copyOf(notVerified);
    }

    /** An inventory in which every kind of resource of the reachable regions could be read. */
    public Inventory(String stack, List<String> regions, List<StackResource> resources,
                     Map<String, String> unreachable) {
        this(stack, regions, resources, unreachable, List.of());
    }

    public boolean isEmpty() {
        return resources.isEmpty();
    }

    public int size() {
        return resources.size();
    }

    /** True when every region and the global services could be read, every kind of resource in them. */
    public boolean complete() {
        return unreachable.isEmpty() && notVerified.isEmpty();
    }

    /** Whether resources of {@code kind} in {@code region} could be read (an unreachable region could not). */
    public boolean verified(ResourceKind kind, String region) {
        return !unreachable.containsKey(region) && notVerified.stream().noneMatch(n -> n.covers(kind, region));
    }

    /** What could not be checked, one line each: the unreachable regions, then the kinds not verified. */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        unreachable.forEach((region, error) -> gaps.add(region + ": not reachable: " + error));
        notVerified.forEach(entry -> gaps.add(entry.describe()));
        return gaps;
    }

    /** The resources of one region, or of {@link StackResource#GLOBAL}. */
    public List<StackResource> in(String region) {
        return resources.stream().filter(r -> r.region().equals(region)).toList();
    }

    public List<StackResource> global() {
        return in(StackResource.GLOBAL);
    }

    public List<StackResource> ofKind(ResourceKind kind) {
        return resources.stream().filter(r -> r.kind() == kind).toList();
    }

    public List<StackResource> ofKind(ResourceKind kind, String region) {
        return resources.stream().filter(r -> r.kind() == kind && r.region().equals(region)).toList();
    }

    public Optional<StackResource> find(ResourceKind kind, String id) {
        return resources.stream().filter(r -> r.kind() == kind && r.id().equals(id)).findFirst();
    }

    /** Regions that hold at least one resource, in scan order, {@link StackResource#GLOBAL} last. */
    public List<String> occupiedRegions() {
        List<String> occupied = new ArrayList<>();
        for (String region : regions) {
            if (!in(region).isEmpty()) {
                occupied.add(region);
            }
        }
        resources.stream().map(StackResource::region)
                .filter(r -> !occupied.contains(r) && !StackResource.GLOBAL.equals(r)).distinct().forEach(occupied::add);
        if (!global().isEmpty()) {
            occupied.add(StackResource.GLOBAL);
        }
        return occupied;
    }

    /** Resource count per region ({@link StackResource#GLOBAL} last). */
    public Map<String, Integer> countsByRegion() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        occupiedRegions().forEach(region -> counts.put(region, in(region).size()));
        return counts;
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("stack", stack);
        ArrayNode scanned = root.putArray("regions");
        regions.forEach(scanned::add);
        root.put("complete", complete());
        if (!unreachable.isEmpty()) {
            ObjectNode errors = root.putObject("unreachable");
            unreachable.forEach(errors::put);
        }
        if (!notVerified.isEmpty()) {
            ArrayNode list = root.putArray("notVerified");
            notVerified.forEach(entry -> list.add(entry.toJson()));
        }
        ObjectNode counts = root.putObject("counts");
        countsByRegion().forEach(counts::put);
        ArrayNode list = root.putArray("resources");
        resources.forEach(r -> list.add(r.toJson()));
        return root;
    }
}
