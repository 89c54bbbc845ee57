package dr.regions.dns;

import dr.core.model.StackSpec;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way dr finds the stack's {@code api.<domain>} failover pair (Route 53, global calls only): by the set
 * identifiers provisioning gives the two records, {@code <stack>-primary} and {@code <stack>-dr}
 * ({@link #setIdentifier}), which tell them apart from anyone else's records in the operator's zone. The rule holds
 * whatever the records point at, so a pair fenced by promote-replica (both on DR, no health check) is found too.
 * Either record may be missing; a pair is absent only when neither is there ({@link #inZone}) or when the account
 * has no public zone for the domain ({@link #find}).
 */
public record ApiRecords(String zoneId, String name, Optional<ResourceRecordSet> primary,
                         Optional<ResourceRecordSet> secondary) {

    /** {@code <stack>-primary} and {@code <stack>-dr}: stable whatever the regions, and this stack's own. */
    public static String setIdentifier(String stack, boolean primary) {
        return stack + (primary ? "-primary" : "-dr");
    }

    /**
     * The pair at {@code api.<domain>} in the operator's public zone for {@code domain}; empty when the account has no
     * such zone (the pair itself may then be missing one or both records).
     */
    public static Optional<ApiRecords> find(Route53Client route53, StackSpec spec, String domain) {
        return HostedZones.publicZone(route53, domain).map(zone -> {
            String name = "api." + domain;
            return of(zone.id(), HostedZones.absolute(name), RecordSets.find(route53, zone.id(), name, RRType.A),
                    spec.stack());
        });
    }

    /**
     * The stack's pair wherever it stands in zone {@code zoneId} (every record set of the zone is read), for callers
     * that know the zone but not the domain; empty when neither record is there.
     */
    public static Optional<ApiRecords> inZone(Route53Client route53, String zoneId, String stack) {
        List<ResourceRecordSet> ours = new ArrayList<>();
        for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                .resourceRecordSets()) {
            if (set.type() == RRType.A && (setIdentifier(stack, true).equals(set.setIdentifier())
                    || setIdentifier(stack, false).equals(set.setIdentifier()))) {
                ours.add(set);
            }
        }
        return ours.isEmpty() ? Optional.empty() : Optional.of(of(zoneId, ours.get(0).name(), ours, stack));
    }

    private static ApiRecords of(String zoneId, String name, List<ResourceRecordSet> sets, String stack) {
        return new ApiRecords(zoneId, name, withIdentifier(sets, setIdentifier(stack, true)),
                withIdentifier(sets, setIdentifier(stack, false)));
    }

    private static Optional<ResourceRecordSet> withIdentifier(List<ResourceRecordSet> sets, String identifier) {
        return sets.stream().filter(s -> identifier.equals(s.setIdentifier())).findFirst();
    }

    /** Whether {@code record} is an alias to the load balancer named {@code dnsName} (any case, dualstack or not). */
    public static boolean aliases(Optional<ResourceRecordSet> record, String dnsName) {
        return record.map(ResourceRecordSet::aliasTarget)
                .map(target -> DnsNames.bare(target.dnsName()).equals(DnsNames.bare(dnsName))).orElse(false);
    }
}
