package dr.regions.drill;

import dr.core.model.RegionRole;
import dr.core.model.Regions;
import dr.regions.aws.AwsClients;
import dr.regions.cdn.DistributionSettings;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.RegionDiscovery;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackInventory;
import dr.regions.discovery.StackResource;
import dr.regions.dns.HealthCheckStep;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;

import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds what a drill needs from the stack's tags alone, with read-only calls: the whole {@link StackInventory} (which
 * preflight judges), and from it the {@link DrillTopology}; plus the health check's interval and threshold
 * (GetHealthCheck) and the primary region's origin's connection timeout and attempts (GetDistributionConfig), for the
 * modeled figures of the report.
 */
public final class DrillDiscovery {
    private final AwsClients clients;

    /**
     * What discovery found: the inventory and the drill's view of it; {@code unread} names each read beyond the
     * inventory that AWS answered with an error (what, and the AWS line), so preflight can say why.
     */
    public record Discovered(Inventory inventory, DrillTopology topology, List<String> unread) {
        public Discovered {
            unread = List.copyOf(unread);
        }

        public Discovered(Inventory inventory, DrillTopology topology) {
            this(inventory, topology, List.of());
        }
    }

    public DrillDiscovery(AwsClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The primary and DR region of {@code stack} from its VPCs' tags, when the operator did not give them. */
    public StackRegions locate(String stack) {
        var location = new RegionDiscovery(clients, stack).locate(List.copyOf(new TreeSet<>(Regions.KNOWN)))
                .bothRegionsOrThrow();
        return new StackRegions(location.primary().get(), location.dr().get());
    }

    /** A stack's two regions. */
    public record StackRegions(String primary, String dr) {
    }

    public Discovered discover(String stack, String primaryRegion, String drRegion) {
        Inventory inventory = new StackInventory(clients, stack).scan(primaryRegion, drRegion);
        List<StackResource> checks = inventory.ofKind(ResourceKind.HEALTH_CHECK);
        Optional<StackResource> healthCheck = checks.stream().filter(r -> HealthCheckStep.ROLE.equals(r.role()))
                .findFirst().or(() -> checks.stream().findFirst());
        List<String> unread = new ArrayList<>();
        Optional<HealthCheckConfig> checkConfig = healthCheck.flatMap(check -> read(unread,
                "the health check " + check.id(), () -> clients.route53()
                        .getHealthCheck(r -> r.healthCheckId(check.id())).healthCheck().healthCheckConfig()));
        Optional<StackResource> distribution = inventory.global().stream()
                .filter(r -> r.kind() == ResourceKind.DISTRIBUTION).findFirst();
        String primaryWebAlb = loadBalancer(inventory, primaryRegion, Tier.WEB);
        Duration worstCase = distribution.flatMap(d -> read(unread, "the distribution config of " + d.id(),
                () -> worstCase(clients.cloudFront().getDistributionConfig(r -> r.id(d.id())).distributionConfig(),
                        primaryRegion, primaryWebAlb))).orElse(null);
        String primaryAppAlb = loadBalancer(inventory, primaryRegion, Tier.APP);
        Optional<ApiRecordFinder.ApiRecord> apiRecord = read(unread, "the api.<domain> failover records",
                () -> new ApiRecordFinder(clients.route53())
                        .find(inventory))
                .flatMap(found -> found);
        Integer dnsTtl = apiRecord.flatMap(api -> read(unread, "the TTL of " + api.name(),
                () -> new RecordTtl(clients.route53()).of(api.zoneId(), api.name())).flatMap(ttl -> ttl)).orElse(null);
        DrillTopology topology = new DrillTopology(stack, primaryRegion, drRegion,
                group(inventory, primaryRegion, SecurityRoles.ALB_WEB),
                group(inventory, primaryRegion, SecurityRoles.ALB_APP),
                healthCheck.map(StackResource::id).orElse(null),
                checkConfig.map(HealthCheckConfig::requestInterval).orElse(null),
                checkConfig.map(HealthCheckConfig::failureThreshold).orElse(null),
                apiRecord.map(ApiRecordFinder.ApiRecord::zoneId).orElse(null),
                apiRecord.map(ApiRecordFinder.ApiRecord::name).orElse(null),
                distribution.map(StackResource::id).orElse(null),
                distribution.map(DrillDiscovery::viewerName).orElse(null),
                worstCase,
                primaryAppAlb, loadBalancer(inventory, drRegion, Tier.APP),
                primaryWebAlb, loadBalancer(inventory, drRegion, Tier.WEB),
                dnsTtl);
        return new Discovered(inventory, topology, unread);
    }

    /**
     * One read beyond the inventory; an AWS error (a region or service in trouble) is noted in {@code unread} as
     * {@code what: <the AWS line>} and the result is empty, rather than ending the drill before preflight can say why.
     * Throttling is left to the engine's retries.
     */
    private static <T> Optional<T> read(List<String> unread, String what, java.util.function.Supplier<T> reader) {
        try {
            return Optional.ofNullable(reader.get());
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw e;
            }
            unread.add(what + ": " + AwsServiceErrors.describe(e));
            return Optional.empty();
        }
    }

    /**
     * The name viewers use: the first alias (with a domain the origins' certificate matches only that Host header),
     * else the distribution's own {@code *.cloudfront.net} name.
     */
    static String viewerName(StackResource distribution) {
        String aliases = distribution.attribute(Attributes.ALIASES);
        return aliases == null || aliases.isBlank() ? distribution.attribute(Attributes.DNS_NAME)
                : aliases.split(",")[0];
    }

    /**
     * ConnectionTimeout × ConnectionAttempts of the primary region's origin: the one whose domain is the primary web
     * load balancer (found by the stack's tags), else the one dr named for the primary region. Never the origin
     * group's first member: after a promotion the group lists DR first. Null when no origin is the primary's.
     */
    static Duration worstCase(DistributionConfig config, String primaryRegion, String primaryWebAlb) {
        if (config == null || config.origins() == null || config.origins().items() == null) {
            return null;
        }
        List<Origin> origins = config.origins().items();
        Optional<Origin> primary = origins.stream()
                .filter(o -> primaryWebAlb != null && o.domainName() != null
                        && stripDot(o.domainName()).equalsIgnoreCase(stripDot(primaryWebAlb)))
                .findFirst()
                .or(() -> origins.stream().filter(o -> DistributionSettings.originId(primaryRegion).equals(o.id()))
                        .findFirst());
        return primary.map(origin -> {
            // CloudFront's defaults when a field is not set: 10 s and 3 attempts (Developer Guide, "Origin settings")
            int timeout = origin.connectionTimeout() == null ? 10 : origin.connectionTimeout();
            int attempts = origin.connectionAttempts() == null ? 3 : origin.connectionAttempts();
            return Duration.ofSeconds((long) timeout * attempts);
        }).orElse(null);
    }

    static String group(Inventory inventory, String region, SecurityRoles role) {
        return inventory.ofKind(ResourceKind.SECURITY_GROUP, region).stream()
                .filter(r -> role.role().equals(r.role()) && RegionRole.PRIMARY.tagValue().equals(r.regionRole()))
                .map(StackResource::id).findFirst().orElse(null);
    }

    static String loadBalancer(Inventory inventory, String region, Tier tier) {
        return loadBalancerResource(inventory, region, tier).map(r -> r.attribute(Attributes.DNS_NAME)).orElse(null);
    }

    static Optional<StackResource> loadBalancerResource(Inventory inventory, String region, Tier tier) {
        return inventory.ofKind(ResourceKind.LOAD_BALANCER, region).stream()
                .filter(r -> LoadBalancingRoles.loadBalancer(tier).equals(r.role())).findFirst();
    }

    static String stripDot(String name) {
        return name == null ? null : name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
