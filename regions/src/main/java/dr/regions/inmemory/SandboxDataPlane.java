package dr.regions.inmemory;

import dr.regions.dataplane.DataPlane;
import dr.regions.drill.AddressResolver;
import dr.regions.drill.EdgeProbe;
import dr.regions.inmemory.cloudfront.SandboxEdgeProbe;
import dr.regions.inmemory.route53.SandboxDnsLookup;
import dr.regions.inmemory.world.World;
import dr.regions.promotion.DnsLookup;

/**
 * The sandbox's users: the in-memory CloudFront's edge and Route 53's modeled name servers, over the same world as
 * the clients. Addresses resolve to nothing, since the sandbox answers aliases with names.
 */
public final class SandboxDataPlane implements DataPlane {
    private final World world;

    public SandboxDataPlane(World world) {
        this.world = world;
    }

    @Override
    public EdgeProbe edge() {
        return new SandboxEdgeProbe(world);
    }

    @Override
    public DnsLookup dns() {
        return new SandboxDnsLookup(world);
    }

    @Override
    public AddressResolver addresses() {
        return AddressResolver.none();
    }
}
