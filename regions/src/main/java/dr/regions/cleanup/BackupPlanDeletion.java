package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A backup plan: AWS Backup refuses to delete a plan that still has selections, so any selection still there
 * (one added since discovery) goes first, then the plan.
 */
final class BackupPlanDeletion extends DeletionStep {
    BackupPlanDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        BackupClient backup = target().clients().backup(target().region());
        List<BackupSelectionsListMember> selections = new ArrayList<>();
        backup.listBackupSelectionsPaginator(r -> r.backupPlanId(target().id())).backupSelectionsList()
                .forEach(selections::add);
        for (BackupSelectionsListMember selection : selections) {
            Quietly.unlessGone(() -> backup.deleteBackupSelection(r -> r.backupPlanId(target().id())
                    .selectionId(selection.selectionId())));
        }
        backup.deleteBackupPlan(r -> r.backupPlanId(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidRequestException");
    }
}
