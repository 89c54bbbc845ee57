package dr.regions.inmemory.route53;

import dr.regions.inmemory.route53.LoadBalancerDirectory.Found;
import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;

import java.util.List;
import java.util.Optional;

/**
 * Whether an HTTP(S) GET from the internet (a Route 53 health checker, a CloudFront edge) reaches an
 * endpoint, judged from the real state of the in-memory cloud: the name must resolve to an ALB (directly, or
 * through alias/CNAME records of a public hosted zone), the ALB must be active, one of its security groups
 * must allow the port from 0.0.0.0/0, so must the network ACL of one of its subnets, a listener must exist
 * on the port with the right protocol, and the path must be answered (see {@link ListenerRouting}).
 */
public final class Reachability {
    private static final int MAX_DNS_HOPS = 5;
    private static final String ANYWHERE = "0.0.0.0/0";

    /** How far a request got. */
    public enum Outcome {
        /** The endpoint answered with an HTTP status. */
        RESPONDED,
        /** TCP or TLS failed: security group, no listener, load balancer not active. */
        CONNECTION_FAILED,
        /** The name does not resolve. */
        DNS_FAILED
    }

    /** The result of one request; {@code region} is where the answering load balancer lives. */
    public record Probe(Outcome outcome, int statusCode, String body, String region, String detail) {
        /** What Route 53 counts as a healthy answer: 2xx or 3xx. */
        public boolean succeeded() {
            return outcome == Outcome.RESPONDED && statusCode >= 200 && statusCode < 400;
        }

        static Probe failed(Outcome outcome, String region, String detail) {
            return new Probe(outcome, 0, "", region, detail);
        }
    }

    private final World world;
    private final LoadBalancerDirectory directory;
    private final ListenerRouting routing;

    public Reachability(World world) {
        this.world = world;
        this.directory = new LoadBalancerDirectory(world);
        this.routing = new ListenerRouting(directory, new InstanceApplication(world, this));
    }

    /**
     * GET {@code path} on {@code host:port} over HTTP or HTTPS. A sibling fake refusing a lookup (a resource
     * deleted under the load balancer) counts as a failed connection rather than breaking the caller.
     */
    public Probe get(String host, int port, boolean https, String path) {
        try {
            return request(host, port, https, path);
        } catch (AwsServiceException e) {
            return Probe.failed(Outcome.CONNECTION_FAILED, null, "Connection failed: " + e.getMessage());
        }
    }

    private Probe request(String host, int port, boolean https, String path) {
        Optional<Found> target = resolve(host, 0);
        if (target.isEmpty()) {
            return Probe.failed(Outcome.DNS_FAILED, null, "DNS resolution failed: Rcode NXDomain(3)");
        }
        Found lb = target.get();
        if (world.faults().isUnreachable(lb.region())) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(),
                    "Connection timed out. The region " + lb.region() + " is not reachable.");
        }
        String state = lb.loadBalancer().state() == null ? null : lb.loadBalancer().state().codeAsString();
        if (!"active".equals(state) && !"active_impaired".equals(state)) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(),
                    "Connection timed out. The load balancer is " + state + ".");
        }
        if ("internal".equals(lb.loadBalancer().schemeAsString())) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(),
                    "Connection timed out. An internal load balancer is not reachable from the internet.");
        }
        if (!ingressAllowed(lb, port)) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(),
                    "Connection timed out. The endpoint or the internet connection is down, or requests are being"
                            + " blocked by your firewall.");
        }
        if (!networkAclAdmits(lb, port)) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(),
                    "Connection timed out. The endpoint or the internet connection is down, or requests are being"
                            + " blocked by your firewall.");
        }
        Optional<Listener> listener = directory.listeners(lb).stream()
                .filter(l -> l.port() != null && l.port() == port)
                .findFirst();
        if (listener.isEmpty()) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(), "Connection refused on port " + port + ".");
        }
        boolean listenerHttps = "HTTPS".equals(listener.get().protocolAsString());
        if (https && !listenerHttps) {
            return Probe.failed(Outcome.CONNECTION_FAILED, lb.region(), "SSL handshake failed on port " + port + ".");
        }
        if (!https && listenerHttps) {
            return new Probe(Outcome.RESPONDED, 400, "The plain HTTP request was sent to HTTPS port", lb.region(),
                    "HTTP Status Code 400, Bad Request");
        }
        ListenerRouting.Answer answer = routing.get(lb, listener.get(), DnsNames.relative(host),
                path == null || path.isEmpty() ? "/" : path);
        return new Probe(Outcome.RESPONDED, answer.status(), answer.body(), lb.region(),
                "HTTP Status Code " + answer.status());
    }

    /**
     * Route 53's evaluate-target-health for an alias to a load balancer: the ALB is active and at least one
     * of its target groups has a healthy target (Route 53 Developer Guide, "Evaluate target health").
     * Aliases to anything else (CloudFront, records of a zone) count as healthy here.
     */
    public boolean aliasTargetHealthy(String dnsName) {
        if (!LoadBalancerDirectory.looksLikeElb(dnsName)) {
            return true;
        }
        Optional<Found> found = directory.byDnsName(dnsName);
        if (found.isEmpty()) {
            return false;
        }
        Found lb = found.get();
        if (lb.loadBalancer().state() == null || !"active".equals(lb.loadBalancer().state().codeAsString())) {
            return false;
        }
        List<String> groups = directory.listeners(lb).stream()
                .flatMap(l -> routing.targetGroups(lb, l).stream())
                .distinct()
                .toList();
        return groups.stream().anyMatch(tg -> routing.hasHealthyTarget(lb, tg));
    }

    private Optional<Found> resolve(String host, int hops) {
        if (host == null || hops > MAX_DNS_HOPS) {
            return Optional.empty();
        }
        if (LoadBalancerDirectory.looksLikeElb(host)) {
            return directory.byDnsName(host);
        }
        Optional<HostedZone> zone = publicZoneFor(host);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        DnsAnswerer answerer = new DnsAnswerer(world, this);
        for (String type : List.of("A", "CNAME")) {
            DnsAnswerer.Answer answer = answerer.answer(zone.get(), host, type);
            if (!answer.data().isEmpty()) {
                return resolve(answer.data().get(0), hops + 1);
            }
        }
        return Optional.empty();
    }

    /** The most specific public zone the name lies in, as a public resolver would find it. */
    private Optional<HostedZone> publicZoneFor(String host) {
        HostedZone best = null;
        for (HostedZone zone : world.route53.hostedZones.values()) {
            if (!zone.privateZone && DnsNames.within(host, zone.name)
                    && (best == null || zone.name.length() > best.name.length())) {
                best = zone;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean ingressAllowed(Found lb, int port) {
        List<String> groupIds = lb.loadBalancer().securityGroups();
        if (groupIds.isEmpty()) {
            return false;
        }
        List<SecurityGroup> groups;
        try {
            groups = world.faults().internal(() -> world.services().ec2(lb.region())
                    .describeSecurityGroups(r -> r.groupIds(groupIds)).securityGroups());
        } catch (AwsServiceException deleted) {
            return false;
        }
        return groups.stream().flatMap(g -> g.ipPermissions().stream()).anyMatch(p -> allows(p, port));
    }

    /**
     * Whether the network ACL of at least one of the load balancer's subnets lets TCP to {@code port} in from the
     * internet: per ACL the inbound rules in order of rule number, the first that matches decides (Amazon VPC User
     * Guide, "Network ACL rules"). Return traffic would need the outbound rules too (ACLs are stateless); the drill's
     * deny-all ACL denies both, so inbound is what decides here.
     */
    private boolean networkAclAdmits(Found lb, int port) {
        List<String> subnets = lb.loadBalancer().availabilityZones().stream()
                .map(software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone::subnetId)
                .filter(java.util.Objects::nonNull).toList();
        if (subnets.isEmpty()) {
            return true;
        }
        List<NetworkAcl> acls = world.faults().internal(() -> world.services().ec2(lb.region())
                .describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id").values(subnets)))
                .networkAcls());
        return acls.stream().anyMatch(acl -> acl.entries().stream().filter(e -> !Boolean.TRUE.equals(e.egress()))
                .sorted(java.util.Comparator.comparing(NetworkAclEntry::ruleNumber))
                .filter(e -> aclRuleMatches(e, port)).findFirst()
                .map(e -> "allow".equals(e.ruleActionAsString())).orElse(false));
    }

    private static boolean aclRuleMatches(NetworkAclEntry entry, int port) {
        String protocol = entry.protocol();
        boolean all = "-1".equals(protocol);
        boolean tcp = all || "6".equals(protocol);
        boolean inRange = all || entry.portRange() == null
                || entry.portRange().from() <= port && port <= entry.portRange().to();
        return tcp && inRange && ANYWHERE.equals(entry.cidrBlock());
    }

    private static boolean allows(IpPermission permission, int port) {
        String protocol = permission.ipProtocol();
        boolean tcp = "-1".equals(protocol) || "tcp".equalsIgnoreCase(protocol) || "6".equals(protocol);
        if (!tcp) {
            return false;
        }
        boolean allPorts = "-1".equals(protocol) || permission.fromPort() == null
                || permission.fromPort() == -1;
        boolean inRange = allPorts || (permission.fromPort() <= port && port <= permission.toPort());
        return inRange && permission.ipRanges().stream().anyMatch(r -> ANYWHERE.equals(r.cidrIp()));
    }
}
