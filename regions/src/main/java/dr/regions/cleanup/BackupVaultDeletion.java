package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.backup.BackupVaults;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A backup vault, which AWS deletes only when empty. Its recovery points have their own steps; one that appears
 * later (a copy job that was still running when discovery looked) is deleted here once it completes, and the
 * vault waits while the count is not zero (DELETING points count until AWS Backup is done with them); an EXPIRED
 * point fails the step with Backup's reason, since the vault cannot go while it holds one. The vault is looked up in ListBackupVaults, absent meaning gone: to
 * DescribeBackupVault and ListRecoveryPointsByBackupVault a vault that is gone is AccessDeniedException
 * (see {@link BackupVaults}).
 */
final class BackupVaultDeletion extends DeletionStep {
    BackupVaultDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        BackupClient backup = target().clients().backup(target().region());
        Optional<BackupVaultListMember> vault = BackupVaults.named(backup, target().id());
        if (vault.isEmpty()) {
            return gone();
        }
        long held = vault.get().numberOfRecoveryPoints();
        if (held > 0) {
            List<RecoveryPointByBackupVault> points = new ArrayList<>();
            backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(target().id())).recoveryPoints()
                    .forEach(points::add);
            List<String> expired = new ArrayList<>();
            for (RecoveryPointByBackupVault point : points) {
                if (point.status() == RecoveryPointStatus.EXPIRED) {
                    expired.add(point.recoveryPointArn() + " (" + point.statusMessage() + ")");
                } else if (point.status() != RecoveryPointStatus.DELETING) {
                    Quietly.unlessGone(() -> backup.deleteRecoveryPoint(r -> r.backupVaultName(target().id())
                            .recoveryPointArn(point.recoveryPointArn())));
                }
            }
            if (!expired.isEmpty()) {
                return StepResult.failed("vault " + target().id() + " holds " + expired.size()
                        + " EXPIRED recovery point(s) AWS Backup could not delete: " + String.join("; ", expired)
                        + "; run cleanup again once that is fixed");
            }
            return StepResult.waiting(held + " recovery point(s) left");
        }
        backup.deleteBackupVault(r -> r.backupVaultName(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidRequestException", "InvalidResourceStateException");
    }
}
