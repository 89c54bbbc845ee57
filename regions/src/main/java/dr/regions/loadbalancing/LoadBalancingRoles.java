package dr.regions.loadbalancing;

import dr.regions.topology.Tier;

/** Logical role names of the load-balancing resources, used in step keys, tags and names. */
public final class LoadBalancingRoles {
    /**
     * The certificate step of a region (package {@code dr.regions.certificates}), present only with a domain: output
     * {@code arn} of an ISSUED ACM certificate of that region for the HTTPS listeners.
     */
    public static final String CERTIFICATE = "certificate";
    /** The path whose fixed response names the region that answered (a drill reads it). */
    public static final String REGION_PATH = "/_dr/region";

    private LoadBalancingRoles() {
    }

    public static String targetGroup(Tier tier) {
        return "tg-" + tier.role();
    }

    public static String loadBalancer(Tier tier) {
        return "alb-" + tier.role();
    }

    public static String listener(Tier tier, ListenerProtocol protocol) {
        return "listener-" + tier.role() + "-" + protocol.suffix();
    }

    /** One region rule per listener, so its role carries the listener's protocol. */
    public static String regionRule(Tier tier, ListenerProtocol protocol) {
        return "region-rule-" + tier.role() + "-" + protocol.suffix();
    }
}
