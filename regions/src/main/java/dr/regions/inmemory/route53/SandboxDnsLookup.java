package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.World;
import dr.regions.promotion.DnsLookup;

import java.util.List;
import java.util.Set;

/** DNS as the sandbox's users see it: Route 53's modeled name servers, where an alias answers with its target's name. */
public final class SandboxDnsLookup implements DnsLookup {
    private final PublicResolver resolver;

    public SandboxDnsLookup(World world) {
        this.resolver = new PublicResolver(world);
    }

    @Override
    public List<String> answer(String name) {
        return resolver.resolve(name, "A").data();
    }

    /** Answers are names, not addresses, so there is nothing to compare by address. */
    @Override
    public Set<String> addresses(String host) {
        return Set.of();
    }
}
