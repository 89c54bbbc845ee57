package dr.regions.backup;

import dr.core.engine.Step;
import dr.regions.step.RegionTarget;
import dr.regions.topology.Tier;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Backup for one region: a vault in each region; in the primary region, the plan whose daily rule copies to
 * the DR vault and the selection that feeds it (the image builders; needs {@code ImageSteps} in the same plan).
 * When the operator brings both tier images there is no builder, so no selection: the vaults and the plan stay (the
 * stack's backup home, where status looks and an operator may add a selection of their own), but back up nothing.
 */
public final class BackupSteps {
    private BackupSteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        List<Step> steps = new ArrayList<>();
        steps.add(new BackupVaultStep(target));
        if (target.isPrimary()) {
            steps.add(new BackupPlanStep(target));
            if (!Tier.baked(target.spec()).isEmpty()) {
                steps.add(new BackupSelectionStep(target));
            }
        }
        return steps;
    }
}
