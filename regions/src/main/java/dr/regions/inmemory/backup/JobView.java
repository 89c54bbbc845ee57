package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.BackupJob;
import dr.regions.inmemory.world.BackupState.CopyJob;
import dr.regions.inmemory.world.BackupState.Lifecycle;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.backup.model.CalculatedLifecycle;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Backup jobs, copy jobs and recovery points as the SDK's model objects, at the modeled clock's now. */
final class JobView {
    /** A modest root volume: what the fake reports as the size of an EC2 backup. */
    private static final long BACKUP_SIZE_BYTES = 8L * 1024 * 1024 * 1024;

    private final BackupContext ctx;

    JobView(BackupContext ctx) {
        this.ctx = ctx;
    }

    software.amazon.awssdk.services.backup.model.BackupJob job(BackupJob job) {
        String state = job.timeline.stateAt(ctx.now());
        boolean done = state.equals(BackupJobOperations.COMPLETED);
        return software.amazon.awssdk.services.backup.model.BackupJob.builder()
                .accountId(World.ACCOUNT_ID)
                .backupJobId(job.id)
                .backupVaultName(job.vaultName)
                .backupVaultArn(job.vaultArn)
                .recoveryPointArn(job.recoveryPointArn)
                .resourceArn(job.resourceArn)
                .resourceType(job.resourceType)
                .iamRoleArn(job.iamRoleArn)
                .creationDate(job.creationDate)
                .completionDate(done ? job.timeline.enteredAt(BackupJobOperations.COMPLETED) : null)
                .expectedCompletionDate(job.timeline.enteredAt(BackupJobOperations.COMPLETED))
                .state(state)
                .percentDone(percentDone(job.timeline))
                .backupSizeInBytes(done ? BACKUP_SIZE_BYTES : 0L)
                .backupType("")
                .isParent(false)
                .build();
    }

    DescribeBackupJobResponse describe(BackupJob job) {
        software.amazon.awssdk.services.backup.model.BackupJob model = job(job);
        return DescribeBackupJobResponse.builder()
                .accountId(model.accountId())
                .backupJobId(model.backupJobId())
                .backupVaultName(model.backupVaultName())
                .backupVaultArn(model.backupVaultArn())
                .recoveryPointArn(model.recoveryPointArn())
                .resourceArn(model.resourceArn())
                .resourceType(model.resourceType())
                .iamRoleArn(model.iamRoleArn())
                .creationDate(model.creationDate())
                .completionDate(model.completionDate())
                .expectedCompletionDate(model.expectedCompletionDate())
                .state(model.stateAsString())
                .percentDone(model.percentDone())
                .backupSizeInBytes(model.backupSizeInBytes())
                .isParent(false)
                .build();
    }

    software.amazon.awssdk.services.backup.model.CopyJob copyJob(CopyJob job) {
        String state = job.timeline.stateAt(ctx.now());
        boolean done = state.equals(BackupJobOperations.COMPLETED);
        return software.amazon.awssdk.services.backup.model.CopyJob.builder()
                .accountId(World.ACCOUNT_ID)
                .copyJobId(job.id)
                .sourceBackupVaultArn(job.sourceVaultArn)
                .sourceRecoveryPointArn(job.sourceRecoveryPointArn)
                .destinationBackupVaultArn(job.destinationVaultArn)
                .destinationRecoveryPointArn(job.destinationRecoveryPointArn)
                .resourceArn(job.resourceArn)
                .resourceType(job.resourceType)
                .iamRoleArn(job.iamRoleArn)
                .creationDate(job.creationDate)
                .completionDate(done ? job.timeline.enteredAt(BackupJobOperations.COMPLETED) : null)
                .state(state)
                .backupSizeInBytes(BACKUP_SIZE_BYTES)
                .isParent(false)
                .build();
    }

    /** Complete once the job that makes it has completed; until then AWS Backup does not list it. */
    boolean completed(RecoveryPoint point) {
        return !ctx.now().isBefore(point.completionDate);
    }

    RecoveryPointByBackupVault listed(RecoveryPoint point) {
        return RecoveryPointByBackupVault.builder()
                .recoveryPointArn(point.arn)
                .backupVaultName(point.vaultName)
                .backupVaultArn(point.vaultArn)
                .sourceBackupVaultArn(point.sourceVaultArn)
                .resourceArn(point.resourceArn)
                .resourceType(point.resourceType)
                .resourceName(point.resourceArn.substring(point.resourceArn.lastIndexOf('/') + 1))
                .iamRoleArn(point.iamRoleArn)
                .status(status(point))
                .statusMessage(point.expiredBecause)
                .creationDate(point.creationDate)
                .completionDate(point.completionDate)
                .backupSizeInBytes(BACKUP_SIZE_BYTES)
                .lifecycle(PlanOperations.lifecycle(point.lifecycle))
                .calculatedLifecycle(calculated(point))
                .isEncrypted(false)
                .isParent(false)
                .build();
    }

    DescribeRecoveryPointResponse describe(RecoveryPoint point) {
        RecoveryPointByBackupVault model = listed(point);
        return DescribeRecoveryPointResponse.builder()
                .recoveryPointArn(model.recoveryPointArn())
                .backupVaultName(model.backupVaultName())
                .backupVaultArn(model.backupVaultArn())
                .sourceBackupVaultArn(model.sourceBackupVaultArn())
                .resourceArn(model.resourceArn())
                .resourceType(model.resourceType())
                .resourceName(model.resourceName())
                .iamRoleArn(model.iamRoleArn())
                .status(model.status())
                .statusMessage(model.statusMessage())
                .creationDate(model.creationDate())
                .completionDate(model.completionDate())
                .backupSizeInBytes(model.backupSizeInBytes())
                .lifecycle(model.lifecycle())
                .calculatedLifecycle(model.calculatedLifecycle())
                .isEncrypted(false)
                .isParent(false)
                .storageClass("WARM")
                .build();
    }

    /** COMPLETED, then DELETING once DeleteRecoveryPoint started its deletion, or EXPIRED when Backup could not. */
    private static RecoveryPointStatus status(RecoveryPoint point) {
        if (point.expiredBecause != null) {
            return RecoveryPointStatus.EXPIRED;
        }
        return point.deletedAt != null ? RecoveryPointStatus.DELETING : RecoveryPointStatus.COMPLETED;
    }

    private static CalculatedLifecycle calculated(RecoveryPoint point) {
        Lifecycle lifecycle = point.lifecycle;
        if (lifecycle == null || lifecycle.deleteAfterDays == null && lifecycle.moveToColdStorageAfterDays == null) {
            return null;
        }
        return CalculatedLifecycle.builder()
                .deleteAt(lifecycle.deleteAfterDays == null ? null
                        : point.creationDate.plus(Duration.ofDays(lifecycle.deleteAfterDays)))
                .moveToColdStorageAt(lifecycle.moveToColdStorageAfterDays == null ? null
                        : point.creationDate.plus(Duration.ofDays(lifecycle.moveToColdStorageAfterDays)))
                .build();
    }

    private String percentDone(Timeline timeline) {
        Instant start = timeline.stages.get(0).at();
        Instant end = timeline.enteredAt(BackupJobOperations.COMPLETED);
        long total = Duration.between(start, end).toMillis();
        long elapsed = Math.min(total, Math.max(0, Duration.between(start, ctx.now()).toMillis()));
        return String.format(Locale.ROOT, "%.1f", total == 0 ? 100.0 : 100.0 * elapsed / total);
    }
}
