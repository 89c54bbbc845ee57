package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every readiness check works from: the clients (only read calls are made), the stack with both regions, the
 * inventory discovery found from the tags, the moment of the check (for ages), and which region serves now (the
 * writer's, {@link dr.regions.database.DatabaseLayout}): the other one is the standby that must be ready to take over.
 */
public record ReadinessScope(AwsClients clients, StackSpec spec, Inventory inventory, Instant now, RegionRole serving) {

    public ReadinessScope {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(serving, "serving");
    }

    /** The region role of the region that must be ready to take over: DR normally, the primary once reprotected. */
    public RegionRole standby() {
        return serving == RegionRole.PRIMARY ? RegionRole.DR : RegionRole.PRIMARY;
    }

    public String region(RegionRole role) {
        return spec.region(role);
    }

    /** A problem in the serving region is a warning (failover is for that); in the standby, a failure. */
    Verdict problemVerdict(RegionRole role) {
        return role == serving ? Verdict.WARN : Verdict.FAIL;
    }

    /** Whether discovery could read {@code region} (or {@link StackResource#GLOBAL}). */
    public boolean reachable(String region) {
        return !inventory.unreachable().containsKey(region);
    }

    /**
     * Why discovery has nothing of {@code kind} in {@code region}: {@code missing}, or {@code not verified: <the AWS
     * error>} when that kind could not be read (then it may well be there).
     */
    String absent(ResourceKind kind, String region) {
        return unverified(kind, region).orElse("missing");
    }

    /** {@link #absent}, with what a missing resource means added only when it is known to be missing. */
    String absent(ResourceKind kind, String region, String consequence) {
        return unverified(kind, region).orElse("missing" + consequence);
    }

    /** {@code not verified: <the AWS error>} when discovery could not read {@code kind} in {@code region}. */
    Optional<String> unverified(ResourceKind kind, String region) {
        return inventory.notVerified().stream().filter(entry -> entry.covers(kind, region)).findFirst()
                .map(entry -> "not verified: " + entry.error().line());
    }

    /**
     * One failure per kind of resource discovery could not read in {@code region}, naming the AWS error: unlike a
     * region down (a warning in the primary, what failover is for), an answer AWS refuses means readiness is unknown,
     * in either region.
     */
    void reportUnverified(String region, Findings findings) {
        inventory.notVerified().stream().filter(entry -> entry.region().equals(region)).forEach(entry ->
                findings.add("discovery", "not-verified", Verdict.FAIL, entry.describe(), entry.error().fields()));
    }

    List<StackResource> all(ResourceKind kind, String region) {
        return inventory.ofKind(kind, region);
    }

    Optional<StackResource> find(ResourceKind kind, String region, String role) {
        return inventory.ofKind(kind, region).stream().filter(r -> r.role().equals(role)).findFirst();
    }
}
