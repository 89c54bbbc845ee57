package dr.regions.readiness;

import dr.core.model.StackSpec;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HostedZones;
import dr.regions.dns.RecordSets;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code api.<domain>} failover pair in the operator's public zone, told apart from anyone else's records by
 * the set identifiers provisioning gives them ({@link FailoverRecordsStep#setIdentifier}). Route 53 (global) calls
 * only.
 */
public record ApiRecords(String zoneId, String name, Optional<ResourceRecordSet> primary,
                         Optional<ResourceRecordSet> secondary) {

    /** Empty when the account has no public zone for {@code domain}. */
    public static Optional<ApiRecords> find(Route53Client route53, StackSpec spec, String domain) {
        return HostedZones.publicZone(route53, domain).map(zone -> {
            String name = "api." + domain;
            List<ResourceRecordSet> sets = RecordSets.find(route53, zone.id(), name, RRType.A);
            return new ApiRecords(zone.id(), HostedZones.absolute(name),
                    withIdentifier(sets, FailoverRecordsStep.setIdentifier(spec, true)),
                    withIdentifier(sets, FailoverRecordsStep.setIdentifier(spec, false)));
        });
    }

    private static Optional<ResourceRecordSet> withIdentifier(List<ResourceRecordSet> sets, String identifier) {
        return sets.stream().filter(s -> identifier.equals(s.setIdentifier())).findFirst();
    }

    /** Whether {@code record} is an alias to the load balancer named {@code dnsName} (any case, dualstack or not). */
    public static boolean aliases(Optional<ResourceRecordSet> record, String dnsName) {
        return record.map(ResourceRecordSet::aliasTarget)
                .map(target -> bare(target.dnsName()).equals(bare(dnsName))).orElse(false);
    }

    /** {@code dualstack.x.elb.amazonaws.com.} and {@code X.elb.amazonaws.com} are the same name. */
    public static String bare(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.startsWith("dualstack.") ? lower.substring("dualstack.".length()) : lower;
    }
}
