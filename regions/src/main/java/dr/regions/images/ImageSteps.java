package dr.regions.images;

import dr.regions.topology.Tier;

import dr.core.engine.Step;
import dr.regions.step.RegionTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * Golden images for the web and app tiers. Baked once, in the primary region (the seed guide builds its servers
 * only in us-east-1): a builder instance per tier and an on-demand AWS Backup job of it; the DR region gets AWS
 * Backup copies of those recovery points. Needs the backup vaults of {@code BackupSteps} in the same plan. A tier
 * whose image the operator brings ({@code --web-image}, {@code --app-image}) has no builder and no Backup job: the
 * given AMI serves the primary region and an EC2 CopyImage of it the DR region.
 */
public final class ImageSteps {
    private ImageSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            if (tier.givenImage(target.spec()).isPresent()) {
                steps.add(target.isPrimary() ? new GivenImageStep(target, tier) : new GivenImageCopyStep(target, tier));
            } else if (target.isPrimary()) {
                steps.add(new BuilderInstanceStep(target, tier));
                steps.add(new ImageBackupStep(target, tier));
            } else {
                steps.add(new ImageCopyStep(target, tier));
            }
        }
        return steps;
    }
}
