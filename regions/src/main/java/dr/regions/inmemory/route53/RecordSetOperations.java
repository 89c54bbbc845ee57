package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.Route53State.RecordSet;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerRequest;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

import java.util.Comparator;
import java.util.List;

/** ChangeResourceRecordSets, ListResourceRecordSets and TestDNSAnswer. */
final class RecordSetOperations {
    /** ListResourceRecordSets order: name with labels reversed, then type, then set identifier. */
    private static final Comparator<RecordSet> ORDER = Comparator.<RecordSet, String>comparing(r -> r.name,
                    DnsNames.ORDER)
            .thenComparing(r -> r.type)
            .thenComparing(r -> r.setIdentifier == null ? "" : r.setIdentifier);

    private final World world;
    private final HostedZoneOperations zones;
    private final ChangeTracker changes;

    RecordSetOperations(World world, HostedZoneOperations zones, ChangeTracker changes) {
        this.world = world;
        this.zones = zones;
        this.changes = changes;
    }

    ChangeResourceRecordSetsResponse change(ChangeResourceRecordSetsRequest request) {
        HostedZone zone = zones.zone(request.hostedZoneId(), "hostedZoneId");
        if (request.changeBatch() == null) {
            throw Route53Errors.missing("changeBatch");
        }
        zone.records = new ChangeBatchApplier(world, zone).apply(request.changeBatch().changes());
        return ChangeResourceRecordSetsResponse.builder()
                .changeInfo(changes.submit(request.changeBatch().comment()))
                .build();
    }

    ListResourceRecordSetsResponse list(ListResourceRecordSetsRequest request) {
        HostedZone zone = zones.zone(request.hostedZoneId(), "hostedZoneId");
        if (request.startRecordType() != null && request.startRecordName() == null) {
            throw Route53Errors.invalidInput("The input is not valid: StartRecordType requires StartRecordName.");
        }
        if (request.startRecordIdentifier() != null && request.startRecordType() == null) {
            throw Route53Errors.invalidInput(
                    "The input is not valid: StartRecordIdentifier requires StartRecordName and StartRecordType.");
        }
        int maxItems = Route53Paging.maxItems(request.maxItems(), 300, 300);
        List<RecordSet> sorted = zone.records.stream().sorted(ORDER).toList();
        int start = 0;
        if (request.startRecordName() != null) {
            RecordSet from = new RecordSet();
            from.name = DnsNames.absolute(request.startRecordName());
            from.type = request.startRecordTypeAsString() == null ? "" : request.startRecordTypeAsString();
            from.setIdentifier = request.startRecordIdentifier();
            while (start < sorted.size() && ORDER.compare(sorted.get(start), from) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + maxItems);
        ListResourceRecordSetsResponse.Builder response = ListResourceRecordSetsResponse.builder()
                .resourceRecordSets(sorted.subList(start, end).stream().map(RecordSetOperations::view).toList())
                .maxItems(String.valueOf(maxItems))
                .isTruncated(end < sorted.size());
        if (end < sorted.size()) {
            RecordSet next = sorted.get(end);
            response.nextRecordName(next.name).nextRecordType(next.type).nextRecordIdentifier(next.setIdentifier);
        }
        return response.build();
    }

    TestDnsAnswerResponse testDnsAnswer(TestDnsAnswerRequest request) {
        HostedZone zone = zones.zone(request.hostedZoneId(), "hostedZoneId");
        if (request.recordName() == null || request.recordTypeAsString() == null) {
            throw Route53Errors.missing(request.recordName() == null ? "recordName" : "recordType");
        }
        DnsAnswerer.Answer answer = DnsNames.within(request.recordName(), zone.name)
                ? new DnsAnswerer(world, new Reachability(world)).answer(zone, request.recordName(),
                        request.recordTypeAsString())
                : new DnsAnswerer.Answer("NXDOMAIN", List.of());
        return TestDnsAnswerResponse.builder()
                .nameserver(DnsNames.relative(zone.nameServers.get(0)))
                .recordName(DnsNames.absolute(request.recordName()))
                .recordType(request.recordTypeAsString())
                .recordData(answer.data())
                .responseCode(answer.responseCode())
                .protocol("UDP")
                .build();
    }

    static ResourceRecordSet view(RecordSet record) {
        ResourceRecordSet.Builder out = ResourceRecordSet.builder()
                .name(record.name)
                .type(record.type)
                .setIdentifier(record.setIdentifier)
                .ttl(record.ttl)
                .failover(record.failover)
                .healthCheckId(record.healthCheckId)
                .weight(record.weight)
                .region(record.region)
                .multiValueAnswer(record.multiValueAnswer);
        if (!record.values.isEmpty()) {
            out.resourceRecords(record.values.stream().map(v -> ResourceRecord.builder().value(v).build()).toList());
        }
        if (record.alias != null) {
            out.aliasTarget(AliasTarget.builder()
                    .hostedZoneId(record.alias.hostedZoneId)
                    .dnsName(record.alias.dnsName)
                    .evaluateTargetHealth(record.alias.evaluateTargetHealth)
                    .build());
        }
        return out.build();
    }
}
