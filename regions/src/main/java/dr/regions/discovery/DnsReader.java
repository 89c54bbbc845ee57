package dr.regions.discovery;

import dr.core.model.Tags;
import dr.regions.dns.Route53Ids;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.TagResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stack's Route 53 resources. Route 53 lists cannot filter by tag, and the stack's own zones and health checks
 * carry dr's CallerReference prefix {@code dr/<stack>/} (tags are read in batches of 10 for the rest: a private zone
 * or health check tagged with the stack also counts; a public zone never does unless dr created it, since dr
 * does not own the operator's domain). Every record of a stack zone is the stack's. In the operator's public zone
 * only records that point at the stack are: the names of the stack's certificates and distribution aliases
 * ({@code api.}, {@code app.}) whose alias targets a stack load balancer or distribution or whose health check is
 * the stack's, and the stack certificates' DNS validation CNAMEs with exactly their value.
 */
final class DnsReader {
    /** ListTagsForResources takes at most 10 ids. */
    static final int TAG_BATCH = 10;

    private final Route53Client route53;
    private final StackTag stack;

    DnsReader(Route53Client route53, StackTag stack) {
        this.route53 = route53;
        this.stack = stack;
    }

    /** {@code regional}: what the regional and edge readers found (load balancers, certificates, distributions). */
    List<StackResource> read(List<StackResource> regional) {
        List<HostedZone> zones = new ArrayList<>();
        route53.listHostedZonesPaginator(r -> { }).hostedZones().forEach(zones::add);
        List<StackResource> found = new ArrayList<>();
        List<HostedZone> stackZones = stackZones(zones);
        for (HostedZone zone : stackZones) {
            StackResource resource = zone(zone);
            found.add(resource);
            found.addAll(recordsOf(resource));
        }
        List<StackResource> checks = healthChecks();
        found.addAll(checks);
        List<HostedZone> others = zones.stream().filter(z -> !stackZones.contains(z)).toList();
        found.addAll(pointingRecords(others, regional, checks));
        return found;
    }

    private List<HostedZone> stackZones(List<HostedZone> zones) {
        List<HostedZone> stackZones = new ArrayList<>();
        List<HostedZone> privateCandidates = new ArrayList<>();
        for (HostedZone zone : zones) {
            if (createdByDr(zone.callerReference())) {
                stackZones.add(zone);
            } else if (zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone())) {
                privateCandidates.add(zone);
            }
        }
        Map<String, Map<String, String>> tags = tags(TagResourceType.HOSTEDZONE,
                privateCandidates.stream().map(z -> Route53Ids.zone(z.id())).toList());
        for (HostedZone zone : privateCandidates) {
            if (stack.marks(tags.get(Route53Ids.zone(zone.id())))) {
                stackZones.add(zone);
            }
        }
        return stackZones;
    }

    private boolean createdByDr(String callerReference) {
        return callerReference != null && callerReference.startsWith(stack.callerPrefix());
    }

    /** A zone's role and region from its CallerReference {@code dr/<stack>/<region>/<role>/...} and its tags. */
    private StackResource zone(HostedZone zone) {
        String bare = Route53Ids.zone(zone.id());
        Map<String, String> tags = tags(TagResourceType.HOSTEDZONE, List.of(bare)).getOrDefault(bare, Map.of());
        String[] parts = zone.callerReference() == null ? new String[0] : zone.callerReference().split("/");
        boolean isPrivate = zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone());
        return StackResource.of(ResourceKind.HOSTED_ZONE, StackResource.GLOBAL, bare, tags)
                .role(tags.containsKey(Tags.ROLE) ? tags.get(Tags.ROLE) : parts.length > 3 ? parts[3] : null)
                .with(Attributes.NAME, zone.name()).with(Attributes.PRIVATE, isPrivate)
                .with("zoneRegion", parts.length > 2 && createdByDr(zone.callerReference()) ? parts[2] : null)
                .build();
    }

    private List<StackResource> recordsOf(StackResource zone) {
        List<StackResource> found = new ArrayList<>();
        String zoneName = zone.attribute(Attributes.NAME);
        for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone.id()))
                .resourceRecordSets()) {
            boolean apex = set.name().equals(zoneName);
            if (apex && (set.type() == RRType.SOA || set.type() == RRType.NS)) {
                continue;
            }
            found.add(record(zone.id(), zoneName, set, zone.regionRole()));
        }
        return found;
    }

    private List<StackResource> healthChecks() {
        List<HealthCheck> all = new ArrayList<>();
        route53.listHealthChecksPaginator(r -> { }).healthChecks().forEach(all::add);
        Map<String, Map<String, String>> tags = tags(TagResourceType.HEALTHCHECK,
                all.stream().map(HealthCheck::id).toList());
        List<StackResource> found = new ArrayList<>();
        for (HealthCheck check : all) {
            Map<String, String> checkTags = tags.getOrDefault(check.id(), Map.of());
            if (createdByDr(check.callerReference()) || stack.marks(checkTags)) {
                var config = check.healthCheckConfig();
                found.add(StackResource.of(ResourceKind.HEALTH_CHECK, StackResource.GLOBAL, check.id(), checkTags)
                        .with(Attributes.DNS_NAME, config == null ? null : config.fullyQualifiedDomainName())
                        .build());
            }
        }
        return found;
    }

    /** Records in zones that are not the stack's, named for the stack and pointing at it. */
    private List<StackResource> pointingRecords(List<HostedZone> zones, List<StackResource> regional,
                                                List<StackResource> checks) {
        Targets targets = new Targets(regional, checks);
        List<StackResource> found = new ArrayList<>();
        for (String name : targets.names) {
            for (HostedZone zone : zones) {
                if (!within(name, zone.name())) {
                    continue;
                }
                String bare = Route53Ids.zone(zone.id());
                var page = route53.listResourceRecordSets(r -> r.hostedZoneId(bare).startRecordName(name));
                for (ResourceRecordSet set : page.resourceRecordSets()) {
                    if (set.name().equalsIgnoreCase(name) && targets.pointsAtStack(set)) {
                        found.add(record(bare, zone.name(), set, null));
                    }
                }
            }
        }
        return found;
    }

    private static StackResource record(String zoneId, String zoneName, ResourceRecordSet set, String regionRole) {
        String id = set.name() + " " + set.typeAsString() + (set.setIdentifier() == null ? "" : " " + set.setIdentifier());
        String label = set.name().substring(0, set.name().indexOf('.') < 0 ? set.name().length()
                : set.name().indexOf('.'));
        String role = label.startsWith("_") ? "validation-record" : label + "-record";
        String failover = set.failoverAsString();
        String recordRegionRole = "PRIMARY".equals(failover) ? "primary" : "SECONDARY".equals(failover) ? "dr"
                : regionRole;
        return StackResource.of(ResourceKind.RECORD_SET, StackResource.GLOBAL, zoneId + " " + id)
                .role(role).regionRole(recordRegionRole)
                .with(Attributes.ZONE_ID, zoneId).with(Attributes.ZONE_NAME, zoneName)
                .with(Attributes.RECORD_NAME, set.name()).with(Attributes.RECORD_TYPE, set.typeAsString())
                .with(Attributes.SET_IDENTIFIER, set.setIdentifier()).build();
    }

    private Map<String, Map<String, String>> tags(TagResourceType type, List<String> ids) {
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (int start = 0; start < ids.size(); start += TAG_BATCH) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + TAG_BATCH));
            for (ResourceTagSet set : route53.listTagsForResources(r -> r.resourceType(type).resourceIds(batch))
                    .resourceTagSets()) {
                Map<String, String> map = new LinkedHashMap<>();
                set.tags().forEach(tag -> map.put(tag.key(), tag.value()));
                tags.put(set.resourceId(), map);
            }
        }
        return tags;
    }

    static boolean within(String name, String zoneName) {
        String n = absolute(name);
        String z = absolute(zoneName);
        return n.equals(z) || n.endsWith("." + z);
    }

    static String absolute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** What the stack's records may point at, and the names they may have. */
    private static final class Targets {
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> aliasTargets = new LinkedHashSet<>();
        final Set<String> healthChecks = new LinkedHashSet<>();
        final Map<String, String> validation = new LinkedHashMap<>();

        Targets(List<StackResource> regional, List<StackResource> checks) {
            for (StackResource resource : regional) {
                switch (resource.kind()) {
                    case LOAD_BALANCER -> add(aliasTargets, resource.attribute(Attributes.DNS_NAME));
                    case DISTRIBUTION -> {
                        add(aliasTargets, resource.attribute(Attributes.DNS_NAME));
                        list(resource.attribute(Attributes.ALIASES)).forEach(alias -> add(names, alias));
                    }
                    case CERTIFICATE -> {
                        add(names, resource.attribute(Attributes.DOMAIN));
                        list(resource.attribute(Attributes.ALTERNATIVE_NAMES)).forEach(n -> add(names, n));
                        for (String pair : list(resource.attribute(Attributes.VALIDATION_RECORDS))) {
                            int eq = pair.indexOf('=');
                            validation.put(absolute(pair.substring(0, eq)), absolute(pair.substring(eq + 1)));
                            names.add(absolute(pair.substring(0, eq)));
                        }
                    }
                    default -> {
                    }
                }
            }
            checks.forEach(check -> healthChecks.add(check.id()));
        }

        /**
         * A certificate for {@code *.example.com} names no record itself; the records dr makes under it are
         * {@code api.} (failover) and {@code app.} (CloudFront alias), so those are the names to look at.
         */
        private static final List<String> RECORD_LABELS = List.of("api", "app");

        private static void add(Set<String> set, String name) {
            if (name == null || name.isBlank()) {
                return;
            }
            if (name.startsWith("*.")) {
                RECORD_LABELS.forEach(label -> set.add(absolute(label + name.substring(1))));
            } else {
                set.add(absolute(name));
            }
        }

        private static List<String> list(String value) {
            return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
        }

        boolean pointsAtStack(ResourceRecordSet set) {
            if (set.healthCheckId() != null && healthChecks.contains(set.healthCheckId())) {
                return true;
            }
            if (set.aliasTarget() != null) {
                String target = absolute(set.aliasTarget().dnsName());
                if (target.startsWith("dualstack.")) {
                    target = target.substring("dualstack.".length());
                }
                return aliasTargets.contains(target);
            }
            String expected = validation.get(absolute(set.name()));
            return expected != null && set.type() == RRType.CNAME
                    && set.resourceRecords().stream().map(ResourceRecord::value).map(DnsReader::absolute)
                    .anyMatch(expected::equals);
        }
    }
}
