package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.World;

/** What Route 53 already has in a new sandbox account: a public hosted zone the operator owns. */
public final class Route53Seed {
    private Route53Seed() {
    }

    /**
     * A public hosted zone for {@code domain}, as Route 53 creates one when a domain is registered (caller
     * reference {@code RegisterDomain-<domain>}). Idempotent: seeding twice keeps the one zone.
     */
    public static HostedZone publicZone(World world, String domain) {
        String name = DnsNames.absolute(domain);
        for (HostedZone zone : world.route53.hostedZones.values()) {
            if (!zone.privateZone && zone.name.equals(name)) {
                return zone;
            }
        }
        String id = new FakeRoute53(world).createHostedZone(r -> r
                        .name(name)
                        .callerReference("RegisterDomain-" + DnsNames.relative(name))
                        .hostedZoneConfig(c -> c.comment("HostedZone created by Route53 Registrar").privateZone(false)))
                .hostedZone().id();
        return world.route53.hostedZones.get(id);
    }
}
