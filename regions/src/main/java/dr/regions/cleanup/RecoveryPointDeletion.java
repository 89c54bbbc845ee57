package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.backup.BackupVaults;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.services.backup.BackupClient;

import java.time.Duration;
import java.util.Set;

/**
 * A recovery point (for an EC2 backup, AWS Backup deregisters its AMI and deletes the snapshots with it). Its vault
 * is looked for first: without the vault the point is gone too, and AWS Backup answers reads inside a vault that
 * does not exist with AccessDeniedException rather than "not found" (see {@link BackupVaults}). A point whose job
 * is still running waits.
 */
final class RecoveryPointDeletion extends DeletionStep {
    RecoveryPointDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        BackupClient backup = target().clients().backup(target().region());
        String vault = resource().attribute(Attributes.VAULT);
        if (BackupVaults.named(backup, vault).isEmpty()) {
            return gone();
        }
        backup.deleteRecoveryPoint(r -> r.backupVaultName(vault).recoveryPointArn(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidResourceStateException");
    }
}
