package dr.regions.inmemory.cloudfront;

import dr.regions.inmemory.world.Wildcards;
import dr.regions.inmemory.route53.Reachability;
import dr.regions.inmemory.route53.Reachability.Outcome;
import dr.regions.inmemory.route53.Reachability.Probe;
import dr.regions.inmemory.world.CloudFrontState;
import dr.regions.inmemory.world.CloudFrontState.CacheBehavior;
import dr.regions.inmemory.world.CloudFrontState.Distribution;
import dr.regions.inmemory.world.CloudFrontState.Origin;
import dr.regions.inmemory.world.CloudFrontState.OriginGroup;
import dr.regions.inmemory.world.World;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a viewer gets from a distribution for an HTTPS GET, judged from the real state of the in-memory
 * cloud: the matching cache behavior's target is tried (caching is not modeled: every request goes to the
 * origin); for an origin group, the primary first and the secondary when the primary cannot be reached or
 * answers with one of the group's failover status codes (CloudFront Developer Guide, "Optimize high
 * availability with CloudFront origin failover"). A dead origin costs ConnectionTimeout × ConnectionAttempts
 * before CloudFront gives up on it; that is the modeled per-request time reported.
 *
 * <p>Not an AWS API: drills and tests use it to see which origin served (the ALBs' fixed response at
 * {@code /_dr/region} answers the region name; at {@code /_dr/served} the origin's instances answer from their
 * region's database, see {@code route53.InstanceApplication}).
 */
public final class EdgeSimulator {
    /** One origin CloudFront tried. */
    public record Attempt(String originId, String originDomain, Outcome outcome, int statusCode, Duration elapsed) {
    }

    /**
     * The viewer's answer. {@code originId}/{@code originDomain} are the origin that produced it (null when
     * none answered); {@code elapsed} is the modeled time spent on failed origins.
     */
    public record EdgeResponse(int statusCode, String body, String originId, String originDomain, Duration elapsed,
            List<Attempt> attempts) {
        public boolean servedBy(String origin) {
            return origin.equals(originId) || origin.equalsIgnoreCase(originDomain);
        }
    }

    private final World world;

    public EdgeSimulator(World world) {
        this.world = world;
    }

    /**
     * GET {@code path} on the distribution named by its id, its {@code *.cloudfront.net} domain or one of its
     * aliases. A distribution that was never deployed does not resolve; a disabled one answers 403.
     */
    public EdgeResponse get(String distribution, String path) {
        synchronized (world) {
            Optional<Distribution> found = find(distribution);
            if (found.isEmpty() || !everDeployed(found.get())) {
                return new EdgeResponse(0, "", null, null, Duration.ZERO, List.of());
            }
            Distribution d = found.get();
            if (!d.config.enabled) {
                return new EdgeResponse(403, "403 ERROR: the distribution is disabled", null, null, Duration.ZERO,
                        List.of());
            }
            String requestPath = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
            CacheBehavior behavior = behaviorFor(d, requestPath);
            Optional<OriginGroup> group = d.config.originGroups.stream()
                    .filter(g -> g.id.equals(behavior.targetOriginId))
                    .findFirst();
            List<String> originIds = group.map(g -> g.members).orElse(List.of(behavior.targetOriginId));
            return serve(d, originIds, group.map(g -> g.failoverStatusCodes).orElse(List.of()), requestPath);
        }
    }

    private EdgeResponse serve(Distribution d, List<String> originIds, List<Integer> failoverCodes, String path) {
        Reachability reachability = new Reachability(world);
        List<Attempt> attempts = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        EdgeResponse last = null;
        for (String originId : originIds) {
            Origin origin = d.config.origins.stream().filter(o -> o.id.equals(originId)).findFirst().orElseThrow();
            boolean https = usesHttps(origin);
            int port = origin.custom == null ? 443 : https ? origin.custom.httpsPort : origin.custom.httpPort;
            Probe probe = reachability.get(origin.domainName, port, https, origin.originPath + path);
            Duration spent = probe.outcome() == Outcome.RESPONDED ? Duration.ZERO
                    : Duration.ofSeconds((long) origin.connectionTimeout * origin.connectionAttempts);
            elapsed = elapsed.plus(spent);
            int status = switch (probe.outcome()) {
                case RESPONDED -> probe.statusCode();
                case CONNECTION_FAILED -> 504;
                case DNS_FAILED -> 502;
            };
            attempts.add(new Attempt(origin.id, origin.domainName, probe.outcome(), status, spent));
            boolean answered = probe.outcome() == Outcome.RESPONDED;
            last = new EdgeResponse(status, answered ? probe.body() : "", answered ? origin.id : null,
                    answered ? origin.domainName : null, elapsed, List.copyOf(attempts));
            if (answered && !failoverCodes.contains(status)) {
                return last;
            }
        }
        return last;
    }

    /** Custom origins speak what their protocol policy says; match-viewer follows the viewer's HTTPS. */
    private static boolean usesHttps(Origin origin) {
        return origin.custom == null || !"http-only".equals(origin.custom.protocolPolicy);
    }

    private Optional<Distribution> find(String name) {
        return world.cloudFront.distributions.values().stream()
                .filter(d -> d.id.equals(name) || d.domainName.equalsIgnoreCase(name)
                        || d.config.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name)))
                .findFirst();
    }

    private boolean everDeployed(Distribution d) {
        return d.timeline.stages.stream()
                .anyMatch(s -> s.state().equals(FakeCloudFront.DEPLOYED) && !s.at().isAfter(world.time()));
    }

    /** Cache behaviors in order, then the default; patterns match the path without its leading slash. */
    private static CacheBehavior behaviorFor(Distribution d, String path) {
        String relative = path.substring(1);
        for (CacheBehavior behavior : d.config.cacheBehaviors) {
            String pattern = behavior.pathPattern.startsWith("/") ? behavior.pathPattern.substring(1)
                    : behavior.pathPattern;
            if (Wildcards.compile(pattern, 0).matcher(relative).matches()) {
                return behavior;
            }
        }
        return d.config.defaultCacheBehavior;
    }
}
