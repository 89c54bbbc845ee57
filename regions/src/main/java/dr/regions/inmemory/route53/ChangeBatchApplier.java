package dr.regions.inmemory.route53;

import dr.regions.inmemory.route53.LoadBalancerDirectory.Found;
import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.Alias;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.Route53State.RecordSet;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one ChangeResourceRecordSets batch to a copy of a zone's records, the way Route 53 does: each change
 * is checked against the records as the batch has left them so far, and the batch is all-or-nothing. The
 * InvalidChangeBatch messages are AWS's (API reference, ChangeResourceRecordSets; observed error texts).
 */
final class ChangeBatchApplier {
    private static final Set<String> TYPES = Set.of("A", "AAAA", "CAA", "CNAME", "DS", "MX", "NAPTR", "NS", "PTR",
            "SOA", "SPF", "SRV", "TXT");

    private final World world;
    private final HostedZone zone;
    private final List<RecordSet> records;
    private final List<String> problems = new ArrayList<>();

    ChangeBatchApplier(World world, HostedZone zone) {
        this.world = world;
        this.zone = zone;
        this.records = new ArrayList<>(zone.records.stream().map(RecordSet::copy).toList());
    }

    /** The zone's records after the batch; throws InvalidChangeBatch (all problems) or InvalidInput. */
    List<RecordSet> apply(List<Change> changes) {
        if (changes == null || changes.isEmpty()) {
            throw Route53Errors.missing("changeBatch.changes");
        }
        for (Change change : changes) {
            apply(change);
        }
        if (!problems.isEmpty()) {
            throw Route53Errors.invalidChangeBatch(problems);
        }
        return records;
    }

    private void apply(Change change) {
        String action = change.actionAsString();
        if (action == null || change.resourceRecordSet() == null) {
            throw Route53Errors.missing(action == null ? "change.action" : "change.resourceRecordSet");
        }
        RecordSet record = fromRequest(change.resourceRecordSet(), action);
        if (!DnsNames.within(record.name, zone.name)) {
            problems.add("RRSet with DNS name " + record.name + " is not permitted in zone " + zone.name);
            return;
        }
        Optional<RecordSet> existing = find(record);
        switch (action) {
            case "CREATE" -> {
                if (existing.isPresent()) {
                    problems.add("Tried to create resource record set " + describe(record) + " but it already exists");
                } else if (acceptable(record, null)) {
                    records.add(record);
                }
            }
            case "UPSERT" -> {
                if (acceptable(record, existing.orElse(null))) {
                    existing.ifPresent(records::remove);
                    records.add(record);
                }
            }
            case "DELETE" -> delete(record, existing);
            default -> throw Route53Errors.constraint("change.action", action,
                    "Member must satisfy enum value set: [CREATE, DELETE, UPSERT]");
        }
    }

    private void delete(RecordSet record, Optional<RecordSet> existing) {
        if (existing.isEmpty()) {
            problems.add("Tried to delete resource record set " + describe(record) + " but it was not found");
            return;
        }
        if (!sameValues(record, existing.get())) {
            problems.add("Tried to delete resource record set " + describe(record)
                    + " but the values provided do not match the current values");
            return;
        }
        if (record.name.equals(zone.name) && record.type.equals("SOA")) {
            problems.add("A HostedZone must contain exactly one SOA record.");
            return;
        }
        if (record.name.equals(zone.name) && record.type.equals("NS")) {
            problems.add("A HostedZone must contain at least one NS record for the zone itself.");
            return;
        }
        records.remove(existing.get());
    }

    /** Rules for a record set that is about to exist; {@code replacing} is the one an UPSERT replaces. */
    private boolean acceptable(RecordSet record, RecordSet replacing) {
        List<RecordSet> others = records.stream()
                .filter(r -> r != replacing && r.name.equals(record.name))
                .toList();
        if (record.type.equals("CNAME") && record.name.equals(zone.name)) {
            problems.add("RRSet of type CNAME with DNS name " + record.name + " is not permitted at apex in zone "
                    + zone.name);
            return false;
        }
        boolean cnameConflict = record.type.equals("CNAME")
                ? others.stream().anyMatch(r -> !r.type.equals("CNAME"))
                : others.stream().anyMatch(r -> r.type.equals("CNAME"));
        if (cnameConflict) {
            problems.add("RRSet of type CNAME with DNS name " + record.name
                    + " is not permitted as it conflicts with other records with the same DNS name in zone "
                    + zone.name);
            return false;
        }
        List<RecordSet> sameType = others.stream().filter(r -> r.type.equals(record.type)).toList();
        if (sameType.stream().anyMatch(r -> (r.setIdentifier == null) != (record.setIdentifier == null))) {
            problems.add("RRSet with DNS name " + record.name + ", type " + record.type
                    + " cannot be created as a record set with a different routing policy exists with the same"
                    + " name and type.");
            return false;
        }
        if (record.failover != null
                && sameType.stream().anyMatch(r -> record.failover.equals(r.failover))) {
            problems.add("RRSet with DNS name " + record.name + ", type " + record.type + ", SetIdentifier "
                    + record.setIdentifier + " cannot be created because another RRSet with the same name, type"
                    + " and failover value " + record.failover + " already exists.");
            return false;
        }
        return aliasTargetExists(record);
    }

    /** Route 53 refuses an alias whose target does not exist in the target's hosted zone. */
    private boolean aliasTargetExists(RecordSet record) {
        Alias alias = record.alias;
        if (alias == null) {
            return true;
        }
        boolean exists;
        if (HostedZoneOperations.bareId(alias.hostedZoneId).equals(zone.id)) {
            exists = records.stream().anyMatch(r -> r.name.equals(alias.dnsName) && r.type.equals(record.type));
        } else if (LoadBalancerDirectory.looksLikeElb(alias.dnsName)) {
            Optional<Found> lb = new LoadBalancerDirectory(world).byDnsName(alias.dnsName);
            String zoneOfLb = lb.map(f -> f.loadBalancer().canonicalHostedZoneId()).orElse(null);
            exists = lb.isPresent() && (zoneOfLb == null || zoneOfLb.equals(alias.hostedZoneId));
        } else {
            exists = true;
        }
        if (!exists) {
            problems.add("Tried to create an alias that targets " + alias.dnsName + ", type " + record.type
                    + " in zone " + alias.hostedZoneId + ", but the alias target name does not lie within the"
                    + " target zone");
        }
        return exists;
    }

    private Optional<RecordSet> find(RecordSet record) {
        return records.stream()
                .filter(r -> r.name.equals(record.name) && r.type.equals(record.type)
                        && Objects.equals(r.setIdentifier, record.setIdentifier))
                .findFirst();
    }

    /** A DELETE must repeat the record set exactly (values in any order). */
    private static boolean sameValues(RecordSet a, RecordSet b) {
        boolean sameAlias = a.alias == null ? b.alias == null
                : b.alias != null && a.alias.dnsName.equals(b.alias.dnsName)
                        && HostedZoneOperations.bareId(a.alias.hostedZoneId)
                                .equals(HostedZoneOperations.bareId(b.alias.hostedZoneId))
                        && a.alias.evaluateTargetHealth == b.alias.evaluateTargetHealth;
        return sameAlias
                && Objects.equals(a.ttl, b.ttl)
                && new HashSet<>(a.values).equals(new HashSet<>(b.values)) && a.values.size() == b.values.size()
                && Objects.equals(a.failover, b.failover)
                && Objects.equals(a.healthCheckId, b.healthCheckId)
                && Objects.equals(a.weight, b.weight)
                && Objects.equals(a.region, b.region)
                && Objects.equals(a.multiValueAnswer, b.multiValueAnswer);
    }

    private static String describe(RecordSet record) {
        return "[name='" + record.name + "', type='" + record.type + "'"
                + (record.setIdentifier == null ? "" : ", set-identifier='" + record.setIdentifier + "'") + "]";
    }

    /** Request → state, with the request validation Route 53 does on the shape of a record set. */
    private RecordSet fromRequest(ResourceRecordSet in, String action) {
        if (in.name() == null) {
            throw Route53Errors.missing("resourceRecordSet.name");
        }
        String type = in.typeAsString();
        if (type == null || !TYPES.contains(type)) {
            throw Route53Errors.constraint("resourceRecordSet.type", type,
                    "Member must satisfy enum value set: " + TYPES);
        }
        RecordSet record = new RecordSet();
        record.name = DnsNames.absolute(in.name());
        record.type = type;
        record.setIdentifier = in.setIdentifier();
        record.ttl = in.ttl();
        record.values = in.resourceRecords().stream().map(ResourceRecord::value).toList();
        record.failover = in.failoverAsString();
        record.healthCheckId = in.healthCheckId();
        record.weight = in.weight();
        record.region = in.regionAsString();
        record.multiValueAnswer = in.multiValueAnswer();
        AliasTarget alias = in.aliasTarget();
        if (alias != null) {
            if (alias.hostedZoneId() == null || alias.dnsName() == null) {
                throw Route53Errors.missing(alias.hostedZoneId() == null ? "aliasTarget.hostedZoneId"
                        : "aliasTarget.dnsName");
            }
            record.alias = new Alias(HostedZoneOperations.bareId(alias.hostedZoneId()),
                    DnsNames.absolute(alias.dnsName()), Boolean.TRUE.equals(alias.evaluateTargetHealth()));
        }
        String context = " in Change with [Action=" + action + ", Name=" + record.name + ", Type=" + type
                + ", SetIdentifier=" + record.setIdentifier + "]";
        boolean valuesGiven = record.ttl != null || !record.values.isEmpty();
        boolean valuesComplete = record.ttl != null && !record.values.isEmpty();
        if (record.alias != null && valuesGiven) {
            throw Route53Errors.invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL,"
                    + " and ResourceRecords], or TrafficPolicyInstanceId], but found more than one" + context);
        }
        if (record.alias == null && !valuesComplete) {
            throw Route53Errors.invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL,"
                    + " and ResourceRecords], or TrafficPolicyInstanceId], but found none" + context);
        }
        if (record.failover != null && !record.failover.equals("PRIMARY") && !record.failover.equals("SECONDARY")) {
            throw Route53Errors.constraint("resourceRecordSet.failover", record.failover,
                    "Member must satisfy enum value set: [PRIMARY, SECONDARY]");
        }
        boolean routed = record.failover != null || record.weight != null || record.region != null
                || record.multiValueAnswer != null || in.geoLocation() != null;
        if (routed && record.setIdentifier == null) {
            throw Route53Errors.invalidInput("Invalid request: Missing field 'SetIdentifier'" + context);
        }
        if (!routed && record.setIdentifier != null) {
            throw Route53Errors.invalidInput("Invalid request: Expected exactly one of [Weight, Region, Failover,"
                    + " GeoLocation, MultiValueAnswer, GeoProximityLocation, or CidrRoutingConfig], but found none"
                    + context);
        }
        if (record.healthCheckId != null && !action.equals("DELETE")
                && !world.route53.healthChecks.containsKey(record.healthCheckId)) {
            throw Route53Errors.noSuchHealthCheck(record.healthCheckId);
        }
        return record;
    }
}
