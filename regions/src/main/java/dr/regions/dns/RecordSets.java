package dr.regions.dns;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Objects;

/** Reading record sets of one name and type (every set identifier) from a zone. */
public final class RecordSets {
    private RecordSets() {
    }

    public static List<ResourceRecordSet> find(Route53Client route53, String zoneId, String name, RRType type) {
        String wanted = HostedZones.absolute(name);
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(wanted).startRecordType(type))
                .resourceRecordSets().stream()
                .filter(set -> set.name().equals(wanted) && Objects.equals(set.type(), type))
                .toList();
    }
}
