package dr.regions.backup;

import dr.core.engine.Step;
import dr.regions.step.RegionTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Backup for one region: a vault in each region; in the primary region, the plan whose daily rule copies to
 * the DR vault and the selection that feeds it (the image builders; needs {@code ImageSteps} in the same plan).
 */
public final class BackupSteps {
    private BackupSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        steps.add(new BackupVaultStep(target));
        if (target.isPrimary()) {
            steps.add(new BackupPlanStep(target));
            steps.add(new BackupSelectionStep(target));
        }
        return steps;
    }
}
