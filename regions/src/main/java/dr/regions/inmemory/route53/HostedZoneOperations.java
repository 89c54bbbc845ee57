package dr.regions.inmemory.route53;

import dr.core.model.Regions;
import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.Route53State.RecordSet;
import dr.regions.inmemory.world.Route53State.VpcAssociation;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.DelegationSet;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZoneConfig;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.VPC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CreateHostedZone, GetHostedZone, ListHostedZones(ByName), DeleteHostedZone. */
final class HostedZoneOperations {
    static final String PREFIX = "/hostedzone/";
    static final int MAX_RESOURCE_ID = 32;
    private static final long SOA_TTL = 900;
    private static final long NS_TTL = 172_800;

    private final World world;
    private final Route53State state;
    private final ChangeTracker changes;

    HostedZoneOperations(World world, ChangeTracker changes) {
        this.world = world;
        this.state = world.route53;
        this.changes = changes;
    }

    /** Lenient, for alias targets only: a request's own zone id goes through {@link #zone}, which is strict. */
    static String bareId(String id) {
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }

    /**
     * The zone a request names in {@code member}. Route 53 wants the bare id ({@code Z...}): a ResourceId is at most
     * 32 characters (API reference, Common data types / ResourceId), so {@code /hostedzone/} plus a 21-character id
     * is InvalidInput (400) before any lookup, and a shorter prefixed id names no zone: NoSuchHostedZone (404).
     * Both answers seen from AWS in crossplane-contrib/provider-aws issue 1826.
     */
    HostedZone zone(String id, String member) {
        if (id == null) {
            throw Route53Errors.missing(member);
        }
        if (id.length() > MAX_RESOURCE_ID) {
            throw Route53Errors.constraint(member, id,
                    "Member must have length less than or equal to " + MAX_RESOURCE_ID);
        }
        HostedZone zone = state.hostedZones.get(id);
        if (zone == null) {
            throw Route53Errors.noSuchHostedZone(id);
        }
        return zone;
    }

    CreateHostedZoneResponse create(CreateHostedZoneRequest request) {
        if (request.name() == null) {
            throw Route53Errors.missing("name");
        }
        if (request.callerReference() == null || request.callerReference().isEmpty()) {
            throw Route53Errors.missing("callerReference");
        }
        if (!DnsNames.isValid(request.name())) {
            throw Route53Errors.invalidDomainName(request.name());
        }
        if (state.zoneCallerReferences.contains(request.callerReference())) {
            throw Route53Errors.hostedZoneAlreadyExists(request.callerReference());
        }
        HostedZoneConfig config = request.hostedZoneConfig();
        boolean privateRequested = config != null && Boolean.TRUE.equals(config.privateZone());
        VPC vpc = request.vpc();
        if (privateRequested && vpc == null) {
            throw Route53Errors.invalidInput("When you're creating a private hosted zone (when you specify true for"
                    + " PrivateZone), you must also specify values for VPCId and VPCRegion.");
        }
        String name = DnsNames.absolute(request.name());
        if (vpc != null) {
            checkVpc(vpc, name);
        }

        HostedZone zone = new HostedZone();
        zone.id = "Z" + world.ids.upper(20);
        zone.name = name;
        zone.callerReference = request.callerReference();
        zone.comment = config == null ? null : config.comment();
        zone.privateZone = vpc != null;
        if (vpc != null) {
            zone.vpcs.add(new VpcAssociation(vpc.vpcRegionAsString(), vpc.vpcId()));
        }
        zone.nameServers = nameServers(zone.privateZone);
        zone.createdAt = world.time();
        zone.records.add(apexRecord(name, "SOA", SOA_TTL,
                List.of(zone.nameServers.get(0) + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400")));
        zone.records.add(apexRecord(name, "NS", NS_TTL, zone.nameServers));
        state.zoneCallerReferences.add(zone.callerReference);
        state.hostedZones.put(zone.id, zone);
        world.faults().created(zone.id);

        ChangeInfo change = changes.submit(null);
        CreateHostedZoneResponse.Builder response = CreateHostedZoneResponse.builder()
                .hostedZone(view(zone))
                .changeInfo(change)
                .location("https://route53.amazonaws.com/2013-04-01" + PREFIX + zone.id);
        if (zone.privateZone) {
            response.vpc(vpc);
        } else {
            response.delegationSet(DelegationSet.builder().nameServers(relativeNames(zone.nameServers)).build());
        }
        return response.build();
    }

    private void checkVpc(VPC vpc, String zoneName) {
        if (vpc.vpcId() == null) {
            throw Route53Errors.missing("vpc.vpcId");
        }
        String region = vpc.vpcRegionAsString();
        if (region == null || !Regions.isKnown(region)) {
            throw Route53Errors.invalidInput("Invalid value for VPCRegion: " + region);
        }
        try {
            world.faults().internal(() -> world.services().ec2(region).describeVpcs(r -> r.vpcIds(vpc.vpcId())));
        } catch (AwsServiceException notFound) {
            throw Route53Errors.invalidVpcId(vpc.vpcId());
        }
        for (HostedZone other : state.hostedZones.values()) {
            boolean sameVpc = other.vpcs.stream()
                    .anyMatch(a -> a.vpcId.equals(vpc.vpcId()) && a.region.equals(region));
            if (other.privateZone && other.name.equals(zoneName) && sameVpc) {
                throw Route53Errors.conflictingDomainExists(zoneName, vpc.vpcId());
            }
        }
    }

    private List<String> nameServers(boolean privateZone) {
        if (privateZone) {
            return List.of("ns-0.awsdns-00.com.", "ns-512.awsdns-00.net.", "ns-1024.awsdns-00.org.",
                    "ns-1536.awsdns-00.co.uk.");
        }
        String[] tlds = {"com", "net", "org", "co.uk"};
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < tlds.length; i++) {
            int number = (int) (Long.parseLong(world.ids.hex(4), 16) % 512) + 512 * i;
            int group = (int) (Long.parseLong(world.ids.hex(2), 16) % 64);
            servers.add(String.format("ns-%d.awsdns-%02d.%s.", number, group, tlds[i]));
        }
        return servers;
    }

    private static RecordSet apexRecord(String name, String type, long ttl, List<String> values) {
        RecordSet record = new RecordSet();
        record.name = name;
        record.type = type;
        record.ttl = ttl;
        record.values = new ArrayList<>(values);
        return record;
    }

    GetHostedZoneResponse get(GetHostedZoneRequest request) {
        HostedZone zone = zone(request.id(), "id");
        if (!world.faults().visible(zone.id)) {
            throw Route53Errors.noSuchHostedZone(zone.id);
        }
        GetHostedZoneResponse.Builder response = GetHostedZoneResponse.builder().hostedZone(view(zone));
        if (zone.privateZone) {
            response.vpCs(zone.vpcs.stream()
                    .map(a -> VPC.builder().vpcId(a.vpcId).vpcRegion(a.region).build())
                    .toList());
        } else {
            response.delegationSet(DelegationSet.builder().nameServers(relativeNames(zone.nameServers)).build());
        }
        return response.build();
    }

    /** In creation order; the marker is the id of the first zone of the next page. */
    ListHostedZonesResponse list(ListHostedZonesRequest request) {
        int maxItems = Route53Paging.maxItems(request.maxItems(), 100, 100);
        boolean privateOnly = "PrivateHostedZone".equals(request.hostedZoneTypeAsString());
        List<HostedZone> zones = new ArrayList<>();
        for (HostedZone zone : state.hostedZones.values()) {
            if ((!privateOnly || zone.privateZone) && world.faults().visible(zone.id)) {
                zones.add(zone);
            }
        }
        int start = 0;
        if (request.marker() != null) {
            String marker = bareId(request.marker());
            start = indexOf(zones, marker);
            if (start < 0) {
                throw Route53Errors.invalidInput("Invalid marker: " + request.marker());
            }
        }
        int end = Math.min(zones.size(), start + maxItems);
        ListHostedZonesResponse.Builder response = ListHostedZonesResponse.builder()
                .hostedZones(zones.subList(start, end).stream().map(HostedZoneOperations::view).toList())
                .marker(request.marker())
                .maxItems(String.valueOf(maxItems))
                .isTruncated(end < zones.size());
        if (end < zones.size()) {
            response.nextMarker(zones.get(end).id);
        }
        return response.build();
    }

    private static int indexOf(List<HostedZone> zones, String id) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id.equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Sorted by name with labels reversed, then id; starts at the first zone at or after DNSName/HostedZoneId. */
    ListHostedZonesByNameResponse listByName(ListHostedZonesByNameRequest request) {
        if (request.hostedZoneId() != null && request.dnsName() == null) {
            throw Route53Errors.invalidInput("HostedZoneId can only be specified together with DNSName.");
        }
        int maxItems = Route53Paging.maxItems(request.maxItems(), 100, 100);
        Comparator<HostedZone> order = Comparator.<HostedZone, String>comparing(z -> z.name, DnsNames.ORDER)
                .thenComparing(z -> z.id);
        List<HostedZone> zones = state.hostedZones.values().stream()
                .filter(z -> world.faults().visible(z.id))
                .sorted(order)
                .toList();
        int start = 0;
        if (request.dnsName() != null) {
            String name = DnsNames.absolute(request.dnsName());
            String id = request.hostedZoneId();
            if (id != null && id.length() > MAX_RESOURCE_ID) {
                throw Route53Errors.constraint("hostedZoneId", id,
                        "Member must have length less than or equal to " + MAX_RESOURCE_ID);
            }
            while (start < zones.size() && before(zones.get(start), name, id)) {
                start++;
            }
        }
        int end = Math.min(zones.size(), start + maxItems);
        ListHostedZonesByNameResponse.Builder response = ListHostedZonesByNameResponse.builder()
                .hostedZones(zones.subList(start, end).stream().map(HostedZoneOperations::view).toList())
                .dnsName(request.dnsName())
                .hostedZoneId(request.hostedZoneId())
                .maxItems(String.valueOf(maxItems))
                .isTruncated(end < zones.size());
        if (end < zones.size()) {
            response.nextDNSName(zones.get(end).name).nextHostedZoneId(zones.get(end).id);
        }
        return response.build();
    }

    private static boolean before(HostedZone zone, String name, String id) {
        int c = DnsNames.ORDER.compare(zone.name, name);
        if (c != 0) {
            return c < 0;
        }
        return id != null && zone.id.compareTo(id) < 0;
    }

    DeleteHostedZoneResponse delete(DeleteHostedZoneRequest request) {
        HostedZone zone = zone(request.id(), "id");
        boolean onlyApexRecords = zone.records.stream()
                .allMatch(r -> r.name.equals(zone.name) && (r.type.equals("SOA") || r.type.equals("NS")));
        if (!onlyApexRecords) {
            throw Route53Errors.hostedZoneNotEmpty();
        }
        state.hostedZones.remove(zone.id);
        return DeleteHostedZoneResponse.builder().changeInfo(changes.submit(null)).build();
    }

    static software.amazon.awssdk.services.route53.model.HostedZone view(HostedZone zone) {
        return software.amazon.awssdk.services.route53.model.HostedZone.builder()
                .id(PREFIX + zone.id)
                .name(zone.name)
                .callerReference(zone.callerReference)
                .config(HostedZoneConfig.builder().comment(zone.comment).privateZone(zone.privateZone).build())
                .resourceRecordSetCount((long) zone.records.size())
                .build();
    }

    private static List<String> relativeNames(List<String> names) {
        return names.stream().map(DnsNames::relative).toList();
    }
}
