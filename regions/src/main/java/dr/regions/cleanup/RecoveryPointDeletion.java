package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.backup.BackupVaults;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;

import java.time.Duration;
import java.util.Set;

/**
 * A recovery point, with what AWS Backup deletes along with it (for an EC2 backup: its AMI and the AMI's snapshots,
 * which have no steps of their own). DeleteRecoveryPoint only starts the deletion (Backup API reference: the point is
 * DELETING, then gone), so the step is done only once DescribeRecoveryPoint no longer finds the point. A point Backup
 * could not delete is EXPIRED (its StatusMessage says why: a role it may not use, or
 * {@code iam:CreateServiceLinkedRole} for {@code backup.amazonaws.com}); the step asks again, up to
 * {@link #EXPIRED_ATTEMPTS} times, then fails with that reason: an EXPIRED point is never reported as deleted. A
 * point whose job is still running waits. Its vault is looked for first: without the vault the point is gone too,
 * and Backup answers reads inside a vault that does not exist with AccessDeniedException (see {@link BackupVaults}).
 */
final class RecoveryPointDeletion extends DeletionStep {
    static final int EXPIRED_ATTEMPTS = 3;

    /** One run's count of deletions asked for a point that came back EXPIRED. */
    private static final class Attempts {
        int expired;
    }

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
        DescribeRecoveryPointResponse point = backup.describeRecoveryPoint(r -> r.backupVaultName(vault)
                .recoveryPointArn(target().id()));
        if (point.status() == RecoveryPointStatus.DELETING) {
            return StepResult.waiting("AWS Backup is deleting it");
        }
        if (point.status() == RecoveryPointStatus.EXPIRED) {
            Attempts attempts = context.perRun(this, Attempts.class, Attempts::new);
            if (attempts.expired >= EXPIRED_ATTEMPTS) {
                return StepResult.failed("recovery point " + target().id() + " is EXPIRED, not deleted: "
                        + point.statusMessage() + "; after fixing that, run cleanup again (or delete it in the "
                        + "AWS Backup console)");
            }
            attempts.expired++;
        }
        backup.deleteRecoveryPoint(r -> r.backupVaultName(vault).recoveryPointArn(target().id()));
        return StepResult.waiting("deletion requested");
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidResourceStateException");
    }
}
