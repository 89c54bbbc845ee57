package dr.regions.dataplane;

import dr.core.clock.Clock;
import dr.regions.drill.AddressResolver;
import dr.regions.drill.EdgeProbe;
import dr.regions.drill.HttpEdgeProbe;
import dr.regions.promotion.DnsLookup;

/**
 * How users reach the stack, never through an AWS API: a GET through the edge, DNS answers, a host's addresses. A
 * session hands it to the runbooks next to the clients: on AWS the network ({@link #internet}); in the sandbox the
 * in-memory cloud's modeled edge and name servers, which the fake cloud provides, so production code never needs
 * to know which cloud it runs against.
 */
public interface DataPlane {
    EdgeProbe edge();

    DnsLookup dns();

    AddressResolver addresses();

    /** Real HTTPS through CloudFront and the operating system's resolver. */
    static DataPlane internet(Clock clock) {
        return new DataPlane() {
            @Override
            public EdgeProbe edge() {
                return new HttpEdgeProbe(clock);
            }

            @Override
            public DnsLookup dns() {
                return DnsLookup.system();
            }

            @Override
            public AddressResolver addresses() {
                return AddressResolver.system();
            }
        };
    }
}
