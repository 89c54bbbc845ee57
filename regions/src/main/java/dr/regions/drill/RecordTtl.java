package dr.regions.drill;

import dr.regions.dns.DnsNames;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.Locale;
import java.util.Optional;

/**
 * How long resolvers may cache the answer for the {@code api.<domain>} failover record: its TTL, or for an alias
 * record the TTL of the alias target, since an alias record has none of its own ("If you're creating or updating an
 * alias resource record set, omit TTL. Amazon Route 53 uses the value of TTL for the alias target", and 60 seconds is
 * "the TTL for load balancers": Route 53 API Reference, ResourceRecordSet, TTL,
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html; the Route 53 FAQ: alias records
 * for ELB endpoints have "a fixed TTL of 60 seconds"). Empty when the record is an alias to anything else.
 */
final class RecordTtl {
    static final int LOAD_BALANCER_TTL_SECONDS = 60;

    private final Route53Client route53;

    RecordTtl(Route53Client route53) {
        this.route53 = route53;
    }

    /** The TTL of the PRIMARY failover A record named {@code name} in {@code zoneId} (or the first A record there). */
    Optional<Integer> of(String zoneId, String name) {
        String wanted = DnsNames.bare(name);
        Optional<ResourceRecordSet> record = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                        .startRecordName(name).startRecordType(RRType.A)).resourceRecordSets().stream()
                .filter(set -> DnsNames.bare(set.name()).equals(wanted) && set.type() == RRType.A)
                .min((a, b) -> Boolean.compare(!"PRIMARY".equals(a.failoverAsString()),
                        !"PRIMARY".equals(b.failoverAsString())));
        return record.flatMap(RecordTtl::ttl);
    }

    static Optional<Integer> ttl(ResourceRecordSet record) {
        if (record.aliasTarget() == null) {
            return Optional.ofNullable(record.ttl()).map(Long::intValue);
        }
        String target = DnsNames.bare(record.aliasTarget().dnsName()).toLowerCase(Locale.ROOT);
        return target.endsWith(".elb.amazonaws.com") ? Optional.of(LOAD_BALANCER_TTL_SECONDS) : Optional.empty();
    }
}
