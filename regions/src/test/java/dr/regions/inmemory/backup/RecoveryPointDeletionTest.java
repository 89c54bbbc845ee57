package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import dr.regions.network.Ec2Tags;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.InvalidResourceStateException;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import java.util.Map;

import static dr.regions.inmemory.backup.BackupFixture.DR;
import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.ROLE;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static dr.regions.inmemory.backup.BackupFixture.assertRefused;
import static dr.regions.inmemory.backup.BackupFixture.imageIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS Backup deletes a recovery point asynchronously. Backup API reference, DeleteRecoveryPoint
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteRecoveryPoint.html): HTTP 200 with an empty body;
 * "When an IAM role's permissions are insufficient ... the recovery point is not deleted. Instead, it enters an
 * EXPIRED state. EXPIRED recovery points can be deleted with this API once the IAM role has the
 * iam:CreateServiceLinkedRole action"; InvalidResourceStateException: "AWS Backup is already performing an action on
 * this recovery point". RecoveryPointStatus (same reference, DescribeRecoveryPoint, Status): COMPLETED | PARTIAL |
 * DELETING | EXPIRED. EC2 API reference, DeleteSnapshot
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSnapshot.html): "You cannot delete a snapshot of
 * the root device of an EBS volume used by a registered AMI. You must first deregister the AMI".
 */
class RecoveryPointDeletionTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);
    private final Ec2Client ec2 = fixture.ec2(PRIMARY);

    private DescribeRecoveryPointResponse describe(String point) {
        return backup.describeRecoveryPoint(r -> r.backupVaultName(VAULT).recoveryPointArn(point));
    }

    private void delete(String point) {
        backup.deleteRecoveryPoint(r -> r.backupVaultName(VAULT).recoveryPointArn(point));
    }

    private String snapshotOf(Ec2Client client, String imageId) {
        return client.describeImages(r -> r.imageIds(imageId)).images().get(0).blockDeviceMappings().get(0).ebs()
                .snapshotId();
    }

    private Map<String, String> snapshotTags(Ec2Client client, String snapshotId) {
        return Ec2Tags.toMap(client.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0).tags());
    }

    @Test
    void deletionAnswersAtOnceThePointIsDeletingAndItsSnapshotStaysInUseUntilBackupIsDone() {
        String point = fixture.completedBackup();
        String imageId = imageIdOf(point);
        String snapshotId = snapshotOf(ec2, imageId);

        delete(point);

        assertThat(describe(point).status()).isEqualTo(RecoveryPointStatus.DELETING);
        assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)).recoveryPoints())
                .extracting(RecoveryPointByBackupVault::status).containsExactly(RecoveryPointStatus.DELETING);
        assertThat(fixture.imageState(PRIMARY, imageId)).isEqualTo("available");
        assertThatThrownBy(() -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSnapshot.InUse");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertRefused(() -> delete(point), InvalidResourceStateException.class, "InvalidResourceStateException");

        fixture.advance(RecoveryPointDeletions.DURATION);

        assertRefused(() -> describe(point), ResourceNotFoundException.class, "ResourceNotFoundException");
        assertThatThrownBy(() -> ec2.describeImages(r -> r.imageIds(imageId))).isInstanceOf(Ec2Exception.class);
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).extracting(Snapshot::snapshotId)
                .doesNotContain(snapshotId);
        assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)).recoveryPoints()).isEmpty();
    }

    /**
     * "AWS Backup also makes a best-effort attempt to copy the tags from the volumes associated with the Amazon EC2
     * instance to the resulting snapshots"; "If you copy your backup to another AWS Region, AWS Backup copies all tags
     * of the original backup" (https://docs.aws.amazon.com/aws-backup/latest/devguide/tags-on-backups.html).
     */
    @Test
    void theSnapshotsOfABackupAndOfItsCopyCarryTheInstancesTags() {
        ec2.createTags(r -> r.resources(fixture.instanceId).tags(t -> t.key("dr:stack").value("shop")));
        String point = fixture.completedBackup();
        String copyJob = backup.startCopyJob(r -> r.recoveryPointArn(point).sourceBackupVaultName(VAULT)
                .destinationBackupVaultArn(fixture.vaultArn(DR)).iamRoleArn(ROLE)).copyJobId();
        fixture.advance(ModeledDurations.BACKUP_COPY_JOB);
        String copied = backup.describeCopyJob(r -> r.copyJobId(copyJob)).copyJob().destinationRecoveryPointArn();

        assertThat(snapshotTags(ec2, snapshotOf(ec2, imageIdOf(point)))).containsEntry("dr:stack", "shop");
        Ec2Client drEc2 = fixture.ec2(DR);
        assertThat(snapshotTags(drEc2, snapshotOf(drEc2, imageIdOf(copied)))).containsEntry("dr:stack", "shop");
    }

    @Test
    void withoutTheRoleThatMadeItThePointIsExpiredAndARetryRunsAsTheServiceLinkedRole() {
        String point = fixture.completedBackup();
        fixture.cloud.iam().deleteRole(r -> r.roleName("AWSBackupDefaultServiceRole"));

        delete(point);

        DescribeRecoveryPointResponse expired = describe(point);
        assertThat(expired.status()).isEqualTo(RecoveryPointStatus.EXPIRED);
        assertThat(expired.statusMessage()).contains(ROLE);
        fixture.advance(RecoveryPointDeletions.DURATION);
        assertThat(describe(point).status()).isEqualTo(RecoveryPointStatus.EXPIRED);
        assertThat(fixture.imageState(PRIMARY, imageIdOf(point))).isEqualTo("available");

        delete(point);

        assertThat(describe(point).status()).isEqualTo(RecoveryPointStatus.DELETING);
        assertThat(fixture.cloud.iam().getRole(r -> r.roleName(RecoveryPointDeletions.SERVICE_LINKED_ROLE)).role()
                .path()).isEqualTo("/aws-service-role/backup.amazonaws.com/");
        fixture.advance(RecoveryPointDeletions.DURATION);
        assertRefused(() -> describe(point), ResourceNotFoundException.class, "ResourceNotFoundException");
    }

    @Test
    void aCallerDeniedCreateServiceLinkedRoleLeavesAnExpiredPointExpired() {
        String point = fixture.completedBackup();
        fixture.cloud.iam().deleteRole(r -> r.roleName("AWSBackupDefaultServiceRole"));
        fixture.cloud.world().faults().bareError("iam", "CreateServiceLinkedRole", null, 403);
        delete(point);

        delete(point);
        fixture.advance(RecoveryPointDeletions.DURATION);

        DescribeRecoveryPointResponse still = describe(point);
        assertThat(still.status()).isEqualTo(RecoveryPointStatus.EXPIRED);
        assertThat(still.statusMessage()).contains("iam:CreateServiceLinkedRole", "backup.amazonaws.com");
        assertThat(fixture.imageState(PRIMARY, imageIdOf(point))).isEqualTo("available");
        assertThat(fixture.cloud.world().iam.role(RecoveryPointDeletions.SERVICE_LINKED_ROLE)).isNull();
    }
}
