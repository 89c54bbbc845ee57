package dr.regions.drill;

import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.Route53Ids;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code api.<domain>} failover pair, found by what it points at: a PRIMARY failover record whose health check is
 * the stack's, or an alias to the stack's primary app load balancer. The inventory names the operator's public zones
 * the stack has records in (certificate validation, {@code app.<domain>}); the inventory itself lists the failover
 * records only when a certificate names them, and the stack's certificate for the ALBs is {@code *.<domain>}.
 */
final class ApiRecordFinder {
    private final Route53Client route53;

    /** The zone and the record's name (without the trailing dot). */
    record ApiRecord(String zoneId, String name) {
    }

    ApiRecordFinder(Route53Client route53) {
        this.route53 = route53;
    }

    Optional<ApiRecord> find(Inventory inventory, String healthCheckId, String primaryAppAlb) {
        Optional<StackResource> listed = inventory.global().stream()
                .filter(r -> r.kind() == ResourceKind.RECORD_SET && FailoverRecordsStep.ROLE.equals(r.role()))
                .findFirst();
        if (listed.isPresent()) {
            return Optional.of(new ApiRecord(listed.get().attribute(Attributes.ZONE_ID),
                    DrillDiscovery.stripDot(listed.get().attribute(Attributes.RECORD_NAME))));
        }
        for (String zoneId : operatorZones(inventory)) {
            for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                    .resourceRecordSets()) {
                if ("PRIMARY".equals(set.failoverAsString()) && pointsAtStack(set, healthCheckId, primaryAppAlb)) {
                    return Optional.of(new ApiRecord(zoneId, DrillDiscovery.stripDot(set.name())));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean pointsAtStack(ResourceRecordSet set, String healthCheckId, String primaryAppAlb) {
        if (healthCheckId != null && healthCheckId.equals(set.healthCheckId())) {
            return true;
        }
        return primaryAppAlb != null && set.aliasTarget() != null
                && DnsProbe.normalize(set.aliasTarget().dnsName()).equals(DnsProbe.normalize(primaryAppAlb));
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
