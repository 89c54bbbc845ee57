package dr.regions.loadbalancing;

import dr.regions.topology.Tier;
import dr.core.engine.Step;
import dr.regions.step.RegionTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * The load balancing of one region, per tier (web, app): a target group, an internet-facing ALB, an HTTP listener
 * forwarding to the target group and, with a domain, an HTTPS listener with the region's certificate (which needs the
 * {@code <region>/certificate} step in the plan); on each listener the {@code /_dr/region} rule. Without a domain
 * there is no HTTPS listener.
 */
public final class LoadBalancingSteps {
    private LoadBalancingSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            steps.add(new TargetGroupStep(target, tier));
            steps.add(new LoadBalancerStep(target, tier));
            steps.add(ListenerStep.http(target, tier));
            steps.add(new RegionRuleStep(target, tier, ListenerProtocol.HTTP));
            if (target.spec().hasDomain()) {
                steps.add(ListenerStep.https(target, tier));
                steps.add(new RegionRuleStep(target, tier, ListenerProtocol.HTTPS));
            }
        }
        return steps;
    }
}
