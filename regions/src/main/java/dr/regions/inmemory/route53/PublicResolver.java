package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.World;

import java.util.List;
import java.util.Optional;

/**
 * Route 53's data plane as a resolver on the internet sees it: the answer its name servers give for a name, from the
 * public hosted zone that holds it, with failover and health evaluated as they are now (the health checkers are
 * brought up to date first). Not an AWS API, so it keeps answering while the Route 53 API is down with us-east-1;
 * the sandbox reads DNS through it where a real run would send a DNS query.
 */
public final class PublicResolver {
    /** The response code and the record data (an alias answers with its target's name). */
    public record Answer(String responseCode, List<String> data) {
    }

    private final World world;

    public PublicResolver(World world) {
        this.world = world;
    }

    public Answer resolve(String name, String type) {
        synchronized (world) {
            HealthCheckSampler.sample(world);
            Optional<HostedZone> zone = Optional.empty();
            for (HostedZone candidate : world.route53.hostedZones.values()) {
                boolean closer = zone.isEmpty() || candidate.name.length() > zone.get().name.length();
                if (!candidate.privateZone && DnsNames.within(name, candidate.name) && closer) {
                    zone = Optional.of(candidate);
                }
            }
            if (zone.isEmpty()) {
                return new Answer("NXDOMAIN", List.of());
            }
            DnsAnswerer.Answer answer = new DnsAnswerer(world, new Reachability(world)).answer(zone.get(), name, type);
            return new Answer(answer.responseCode(), answer.data());
        }
    }
}
