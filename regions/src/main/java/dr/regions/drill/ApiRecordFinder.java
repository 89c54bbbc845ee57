package dr.regions.drill;

import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.dns.ApiRecords;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.Route53Ids;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code api.<domain>} failover pair for a drill, which knows the stack's tags but not its domain: the record the
 * inventory lists, else the stack's pair ({@link ApiRecords#inZone}, by its set identifiers) in one of the operator's
 * public zones the stack has records in (certificate validation, {@code app.<domain>}); the inventory itself lists the
 * failover records only when a certificate names them, and the stack's certificate for the ALBs is {@code *.<domain>}.
 */
final class ApiRecordFinder {
    private final Route53Client route53;

    /** The zone and the record's name (without the trailing dot). */
    record ApiRecord(String zoneId, String name) {
    }

    ApiRecordFinder(Route53Client route53) {
        this.route53 = route53;
    }

    Optional<ApiRecord> find(Inventory inventory) {
        Optional<StackResource> listed = inventory.global().stream()
                .filter(r -> r.kind() == ResourceKind.RECORD_SET && FailoverRecordsStep.ROLE.equals(r.role()))
                .findFirst();
        if (listed.isPresent()) {
            return Optional.of(new ApiRecord(listed.get().attribute(Attributes.ZONE_ID),
                    DrillDiscovery.stripDot(listed.get().attribute(Attributes.RECORD_NAME))));
        }
        for (String zoneId : operatorZones(inventory)) {
            Optional<ApiRecords> pair = ApiRecords.inZone(route53, zoneId, inventory.stack());
            if (pair.isPresent()) {
                return Optional.of(new ApiRecord(zoneId, DrillDiscovery.stripDot(pair.get().name())));
            }
        }
        return Optional.empty();
    }

    /** Zones holding records of the stack that are not the stack's own (private) zones. */
    private static Set<String> operatorZones(Inventory inventory) {
        Set<String> own = new LinkedHashSet<>();
        inventory.ofKind(ResourceKind.HOSTED_ZONE).forEach(zone -> own.add(Route53Ids.zone(zone.id())));
        Set<String> zones = new LinkedHashSet<>();
        for (StackResource record : inventory.ofKind(ResourceKind.RECORD_SET)) {
            String zone = record.attribute(Attributes.ZONE_ID);
            if (zone != null && !own.contains(Route53Ids.zone(zone))) {
                zones.add(Route53Ids.zone(zone));
            }
        }
        return zones;
    }
}
