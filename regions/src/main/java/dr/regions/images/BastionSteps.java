package dr.regions.images;

import dr.core.engine.Step;
import dr.regions.step.RegionTarget;

import java.util.List;

/**
 * The bastion: primary region only, and only with an admin CIDR (nothing could reach it otherwise). Without one,
 * no step at all; Session Manager is the recommended way in.
 */
public final class BastionSteps {
    private BastionSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        if (!target.isPrimary() || target.spec().adminCidr() == null) {
            return List.of();
        }
        return List.of(new BastionStep(target));
    }
}
