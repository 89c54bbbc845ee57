package dr.regions.loadbalancing;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

import java.util.Optional;

/**
 * The one way dr looks up a load balancer by name (DescribeLoadBalancers, read-only): ELB answers an unknown name
 * with LoadBalancerNotFound, which here is an answer (empty), not an error. A load balancer has no deleting state
 * to decide on: DeleteLoadBalancer removes it from the listing at once.
 */
public final class LoadBalancers {
    private LoadBalancers() {
    }

    public static Optional<LoadBalancer> named(ElasticLoadBalancingV2Client elb, String name) {
        try {
            return elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().stream().findFirst();
        } catch (LoadBalancerNotFoundException e) {
            return Optional.empty();
        }
    }
}
