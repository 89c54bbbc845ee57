package dr.regions.compute;

import dr.core.engine.Step;
import dr.regions.topology.Tier;
import dr.regions.step.RegionTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * The compute of one region, per tier (web, app): a launch template from the region's golden image (which needs the
 * {@code <region>/image-<tier>} step in the plan) and an Auto Scaling group attached to the tier's target group (from
 * {@code LoadBalancingSteps}).
 */
public final class ComputeSteps {
    private ComputeSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            steps.add(new LaunchTemplateStep(target, tier));
            steps.add(new AutoScalingGroupStep(target, tier));
        }
        return steps;
    }
}
