package dr.regions.promotion;

import dr.core.DrException;
import dr.regions.loadbalancing.ElbNames;
import dr.regions.loadbalancing.LoadBalancers;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** The DR region's app load balancer, by its name (one DescribeLoadBalancers in the DR region). */
final class DrAppLoadBalancer {
    private DrAppLoadBalancer() {
    }

    static LoadBalancer find(PromotionTarget target) {
        String name = ElbNames.of(target.stack(), LoadBalancingRoles.loadBalancer(Tier.APP));
        return LoadBalancers.named(target.clients().elb(target.drRegion()), name)
                .orElseThrow(() -> missing(target, name));
    }

    private static DrException missing(PromotionTarget target, String name) {
        return DrException.failed("the DR app load balancer " + name + " is missing in " + target.drRegion()
                + "; run dr provision");
    }
}
