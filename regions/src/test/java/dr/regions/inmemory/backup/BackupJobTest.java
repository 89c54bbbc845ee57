package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJobState;
import software.amazon.awssdk.services.backup.model.CopyJob;
import software.amazon.awssdk.services.backup.model.CopyJobState;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.InvalidResourceStateException;
import software.amazon.awssdk.services.backup.model.MissingParameterValueException;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;

import java.util.Map;

import static dr.regions.inmemory.backup.BackupFixture.DR;
import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.ROLE;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static dr.regions.inmemory.backup.BackupFixture.assertRefused;
import static dr.regions.inmemory.backup.BackupFixture.imageIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupJobTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);
    private final BackupClient drBackup = fixture.backup(DR);

    private String job(StartBackupJobResponse started) {
        return backup.describeBackupJob(r -> r.backupJobId(started.backupJobId())).stateAsString();
    }

    private String copy(String recoveryPoint) {
        return backup.startCopyJob(r -> r.recoveryPointArn(recoveryPoint).sourceBackupVaultName(VAULT)
                .destinationBackupVaultArn(fixture.vaultArn(DR)).iamRoleArn(ROLE)).copyJobId();
    }

    @Test
    void aBackupJobRunsCreatedRunningCompletedAndItsRecoveryPointIsAnAmiOfThatRegion() {
        StartBackupJobResponse started = backup.startBackupJob(r -> r.backupVaultName(VAULT)
                .resourceArn(fixture.instanceArn).iamRoleArn(ROLE).recoveryPointTags(Map.of("dr:stack", "shop")));
        String imageId = imageIdOf(started.recoveryPointArn());

        assertThat(started.recoveryPointArn()).matches("arn:aws:ec2:us-east-1::image/ami-[0-9a-f]{17}");
        assertThat(job(started)).isEqualTo("CREATED");
        assertThat(fixture.imageState(PRIMARY, imageId)).isEqualTo("pending");
        assertRefused(() -> backup.describeRecoveryPoint(r -> r.backupVaultName(VAULT)
                        .recoveryPointArn(started.recoveryPointArn())),
                ResourceNotFoundException.class, "ResourceNotFoundException");

        fixture.advance(ModeledDurations.BACKUP_JOB_START);
        assertThat(job(started)).isEqualTo("RUNNING");

        fixture.advance(ModeledDurations.BACKUP_JOB.minus(ModeledDurations.BACKUP_JOB_START));
        DescribeBackupJobResponse done = backup.describeBackupJob(r -> r.backupJobId(started.backupJobId()));
        assertThat(done.state()).isEqualTo(BackupJobState.COMPLETED);
        assertThat(done.percentDone()).isEqualTo("100.0");
        assertThat(done.completionDate()).isEqualTo(fixture.cloud.world().time());
        assertThat(fixture.imageState(PRIMARY, imageId)).isEqualTo("available");
        DescribeRecoveryPointResponse point = backup.describeRecoveryPoint(r -> r.backupVaultName(VAULT)
                .recoveryPointArn(started.recoveryPointArn()));
        assertThat(point.status()).isEqualTo(RecoveryPointStatus.COMPLETED);
        assertThat(point.resourceArn()).isEqualTo(fixture.instanceArn);
        assertThat(point.resourceType()).isEqualTo("EC2");
        assertThat(Ec2TagsOf.image(fixture.ec2(PRIMARY), imageId)).containsEntry("dr:stack", "shop");
    }

    @Test
    void backupJobsAreListedByStateVaultAndResource() {
        StartBackupJobResponse first = fixture.startBackup();
        fixture.advance(ModeledDurations.BACKUP_JOB);
        fixture.startBackup();

        assertThat(backup.listBackupJobs(r -> r.byState(BackupJobState.COMPLETED)).backupJobs())
                .singleElement().satisfies(j -> assertThat(j.backupJobId()).isEqualTo(first.backupJobId()));
        assertThat(backup.listBackupJobs(r -> r.byState(BackupJobState.CREATED)).backupJobs()).hasSize(1);
        assertThat(backup.listBackupJobs(r -> r.byBackupVaultName(VAULT).byResourceArn(fixture.instanceArn))
                .backupJobs()).hasSize(2);
        assertThat(backup.listBackupJobs(r -> r.byBackupVaultName("other")).backupJobs()).isEmpty();
    }

    @Test
    void theSameIdempotencyTokenStartsOneJob() {
        var first = backup.startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)
                .iamRoleArn(ROLE).idempotencyToken("token-1"));
        var second = backup.startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)
                .iamRoleArn(ROLE).idempotencyToken("token-1"));

        assertThat(second.backupJobId()).isEqualTo(first.backupJobId());
        assertThat(backup.listBackupJobs().backupJobs()).hasSize(1);
    }

    @Test
    void aBackupJobIsCheckedForRoleVaultAndResource() {
        assertRefused(() -> backup.startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)),
                MissingParameterValueException.class, "MissingParameterValueException");
        assertRefused(() -> backup.startBackupJob(r -> r.backupVaultName("nope").resourceArn(fixture.instanceArn)
                        .iamRoleArn(ROLE)),
                ResourceNotFoundException.class, "ResourceNotFoundException");
        assertRefused(() -> backup.startBackupJob(r -> r.backupVaultName(VAULT).iamRoleArn(ROLE)
                        .resourceArn("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0")),
                ResourceNotFoundException.class, "ResourceNotFoundException");
        assertRefused(() -> backup.startBackupJob(r -> r.backupVaultName(VAULT).iamRoleArn(ROLE)
                        .resourceArn("arn:aws:s3:::some-bucket")),
                InvalidParameterValueException.class, "InvalidParameterValueException");
    }

    @Test
    void aCopyOfARecoveryPointStillBeingMadeIsRefusedUntilItIsCompleted() {
        String point = fixture.startBackup().recoveryPointArn();

        assertRefused(() -> copy(point), InvalidRequestException.class, "InvalidRequestException");

        fixture.advance(ModeledDurations.BACKUP_JOB);
        assertThat(backup.describeCopyJob(r -> r.copyJobId(copy(point))).copyJob().state())
                .isEqualTo(CopyJobState.CREATED);
    }

    @Test
    void aCopyToAVaultThatDoesNotExistInTheDestinationRegionIsRefused() {
        String point = fixture.completedBackup();

        assertRefused(() -> backup.startCopyJob(r -> r.recoveryPointArn(point).sourceBackupVaultName(VAULT)
                        .destinationBackupVaultArn("arn:aws:backup:us-west-2:123456789012:backup-vault:other")
                        .iamRoleArn(ROLE)),
                ResourceNotFoundException.class, "ResourceNotFoundException");

        drBackup.createBackupVault(r -> r.backupVaultName("other"));
        backup.startCopyJob(r -> r.recoveryPointArn(point).sourceBackupVaultName(VAULT)
                .destinationBackupVaultArn("arn:aws:backup:us-west-2:123456789012:backup-vault:other")
                .iamRoleArn(ROLE));
    }

    @Test
    void aCopyJobMakesTheAmiInTheDestinationRegionAndARecoveryPointInTheDestinationVault() {
        String source = fixture.completedBackup();
        String copyJobId = copy(source);
        CopyJob started = backup.describeCopyJob(r -> r.copyJobId(copyJobId)).copyJob();
        String copiedImage = imageIdOf(started.destinationRecoveryPointArn());

        assertThat(started.destinationRecoveryPointArn()).startsWith("arn:aws:ec2:us-west-2::image/ami-");
        assertThat(fixture.imageState(DR, copiedImage)).isEqualTo("pending");
        assertThat(drBackup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)).recoveryPoints()).isEmpty();

        fixture.advance(ModeledDurations.BACKUP_JOB_START);
        assertThat(backup.describeCopyJob(r -> r.copyJobId(copyJobId)).copyJob().state())
                .isEqualTo(CopyJobState.RUNNING);
        fixture.advance(ModeledDurations.BACKUP_COPY_JOB.minus(ModeledDurations.BACKUP_JOB_START));

        assertThat(backup.describeCopyJob(r -> r.copyJobId(copyJobId)).copyJob().state())
                .isEqualTo(CopyJobState.COMPLETED);
        assertThat(backup.listCopyJobs(r -> r.byDestinationVaultArn(fixture.vaultArn(DR))).copyJobs()).hasSize(1);
        assertThat(fixture.imageState(DR, copiedImage)).isEqualTo("available");
        RecoveryPointByBackupVault copied = drBackup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT))
                .recoveryPoints().get(0);
        assertThat(copied.recoveryPointArn()).isEqualTo(started.destinationRecoveryPointArn());
        assertThat(copied.sourceBackupVaultArn()).isEqualTo(fixture.vaultArn(PRIMARY));
        assertThat(copied.resourceArn()).isEqualTo(fixture.instanceArn);
        assertThat(copied.status()).isEqualTo(RecoveryPointStatus.COMPLETED);
    }

    @Test
    void aRecoveryPointStillBeingMadeCannotBeDeletedYet() {
        String point = fixture.startBackup().recoveryPointArn();

        assertRefused(() -> backup.deleteRecoveryPoint(r -> r.backupVaultName(VAULT).recoveryPointArn(point)),
                InvalidResourceStateException.class, "InvalidResourceStateException");

        fixture.advance(ModeledDurations.BACKUP_JOB);
        backup.deleteRecoveryPoint(r -> r.backupVaultName(VAULT).recoveryPointArn(point));
    }

    @Test
    void aRecoveryPointInAnotherVaultIsNotFound() {
        String point = fixture.completedBackup();
        backup.createBackupVault(r -> r.backupVaultName("other"));

        assertRefused(() -> backup.describeRecoveryPoint(r -> r.backupVaultName("other").recoveryPointArn(point)),
                ResourceNotFoundException.class, "ResourceNotFoundException");
    }
}
