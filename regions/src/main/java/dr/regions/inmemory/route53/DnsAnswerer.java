package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HealthCheck;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.Route53State.RecordSet;
import dr.regions.inmemory.world.World;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answer a Route 53 name server gives for a name and type, routing policies and health included:
 * a failover pair answers with the PRIMARY while it is healthy, else with the SECONDARY; when no record of the
 * group is healthy Route 53 treats them all as healthy, so the PRIMARY answers again (Developer Guide, "How
 * Amazon Route 53 chooses records when health checking is configured"). An alias answers with its target's
 * DNS name as stored, lower case with a trailing dot (real Route 53 would resolve it to addresses; the name is
 * what a drill needs to see).
 */
final class DnsAnswerer {
    /** The response code and the record data. */
    record Answer(String responseCode, List<String> data) {
    }

    private static final int MAX_ALIAS_DEPTH = 5;

    private final World world;
    private final Reachability reachability;

    DnsAnswerer(World world, Reachability reachability) {
        this.world = world;
        this.reachability = reachability;
    }

    Answer answer(HostedZone zone, String name, String type) {
        return answer(zone, DnsNames.absolute(name), type, 0);
    }

    private Answer answer(HostedZone zone, String name, String type, int depth) {
        List<RecordSet> atName = zone.records.stream().filter(r -> r.name.equals(name)).toList();
        if (atName.isEmpty()) {
            boolean hasDescendants = zone.records.stream().anyMatch(r -> r.name.endsWith("." + name));
            return new Answer(hasDescendants ? "NOERROR" : "NXDOMAIN", List.of());
        }
        List<RecordSet> candidates = atName.stream().filter(r -> r.type.equals(type)).toList();
        if (candidates.isEmpty()) {
            candidates = atName.stream().filter(r -> r.type.equals("CNAME")).toList();
        }
        Optional<RecordSet> chosen = choose(zone, candidates, depth);
        return new Answer("NOERROR", chosen.map(DnsAnswerer::data).orElse(List.of()));
    }

    private Optional<RecordSet> choose(HostedZone zone, List<RecordSet> candidates, int depth) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Optional<RecordSet> primary = candidates.stream().filter(r -> "PRIMARY".equals(r.failover)).findFirst();
        Optional<RecordSet> secondary = candidates.stream().filter(r -> "SECONDARY".equals(r.failover)).findFirst();
        if (primary.isPresent() || secondary.isPresent()) {
            if (primary.isPresent() && healthy(zone, primary.get(), depth)) {
                return primary;
            }
            if (secondary.isPresent() && healthy(zone, secondary.get(), depth)) {
                return secondary;
            }
            return primary.isPresent() ? primary : secondary;
        }
        List<RecordSet> ordered = candidates.stream()
                .sorted(Comparator.comparing((RecordSet r) -> r.weight == null ? 0L : r.weight).reversed())
                .toList();
        return ordered.stream().filter(r -> healthy(zone, r, depth)).findFirst().or(() -> Optional.of(ordered.get(0)));
    }

    /**
     * A record is healthy when its health check is (a deleted health check is not counted against it) and,
     * with evaluate-target-health, its alias target is.
     */
    boolean healthy(HostedZone zone, RecordSet record, int depth) {
        if (record.healthCheckId != null) {
            HealthCheck check = world.route53.healthChecks.get(record.healthCheckId);
            if (check != null && !HealthCheckSampler.routingHealthy(check)) {
                return false;
            }
        }
        if (record.alias != null && record.alias.evaluateTargetHealth) {
            if (HostedZoneOperations.bareId(record.alias.hostedZoneId).equals(zone.id)) {
                return depth < MAX_ALIAS_DEPTH
                        && !answer(zone, record.alias.dnsName, record.type, depth + 1).data().isEmpty();
            }
            return reachability.aliasTargetHealthy(record.alias.dnsName);
        }
        return true;
    }

    private static List<String> data(RecordSet record) {
        return record.alias != null ? List.of(record.alias.dnsName) : record.values;
    }
}
