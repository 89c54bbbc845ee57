package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Map;

import static dr.regions.inmemory.backup.BackupFixture.DR;
import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.ROLE;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static dr.regions.inmemory.backup.BackupFixture.assertRefused;
import static dr.regions.inmemory.backup.BackupFixture.imageIdOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An EC2 backup's recovery point is its AMI, named by EC2's ARN ({@code arn:aws:ec2:<region>::image/ami-...}); EC2
 * has no full AWS Backup management, so Backup's tag calls refuse that ARN and the tags live on the AMI.
 * <ul>
 * <li>TagResource, resourceArn (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_TagResource.html):
 * "ARNs that do not include backup are incompatible with tagging. TagResource and UntagResource with invalid ARNs
 * will result in an error. ... Invalid ARN content may look like arn:aws:ec2:us-east."</li>
 * <li>ListTags (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListTags.html): for a resourceArn other
 * than arn:aws:backup it "may return one of the exceptions listed below"; ListTags "only works for resource types
 * that support full Backup management". Neither page says which of its listed errors; the fake answers
 * InvalidParameterValueException, HTTP 400 (see {@link BackupTagOperations}).</li>
 * <li>"Copying tags onto backups" (https://docs.aws.amazon.com/aws-backup/latest/devguide/tags-on-backups.html):
 * "When an Amazon EC2 backup creates an image recovery point ..., AWS Backup copies tags to the resulting AMI";
 * tags assigned during backup have priority over the resource's; "If you copy your backup to another AWS Region,
 * AWS Backup copies all tags of the original backup to the destination".</li>
 * </ul>
 */
class Ec2RecoveryPointTagsTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);

    @Test
    void backupsTagCallsRefuseAnEc2RecoveryPointArn() {
        String point = fixture.completedBackup();
        assertThat(point).startsWith("arn:aws:ec2:");

        assertRefused(() -> backup.listTags(r -> r.resourceArn(point)),
                InvalidParameterValueException.class, "InvalidParameterValueException");
        assertRefused(() -> backup.tagResource(r -> r.resourceArn(point).tags(Map.of("dr:stack", "shop"))),
                InvalidParameterValueException.class, "InvalidParameterValueException");
        assertRefused(() -> backup.untagResource(r -> r.resourceArn(point).tagKeyList("dr:stack")),
                InvalidParameterValueException.class, "InvalidParameterValueException");
    }

    @Test
    void backupsTagCallsStillServeItsOwnArns() {
        String vaultArn = fixture.vaultArn(PRIMARY);
        backup.tagResource(r -> r.resourceArn(vaultArn).tags(Map.of("team", "sre")));
        assertThat(backup.listTags(r -> r.resourceArn(vaultArn)).tags()).containsEntry("team", "sre");
    }

    @Test
    void theAmiOfABackupCarriesTheInstancesTagsAndTheJobsRecoveryPointTagsWhichWin() {
        fixture.ec2(PRIMARY).createTags(r -> r.resources(fixture.instanceId).tags(
                Tag.builder().key("dr:role").value("builder-web").build(),
                Tag.builder().key("team").value("sre").build()));

        String point = backup.startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)
                .iamRoleArn(ROLE).recoveryPointTags(Map.of("dr:role", "image-web"))).recoveryPointArn();

        assertThat(Ec2TagsOf.image(fixture.ec2(PRIMARY), imageIdOf(point)))
                .containsEntry("dr:role", "image-web").containsEntry("team", "sre");
    }

    @Test
    void aCopyToAnotherRegionCarriesTheOriginalAmisTags() {
        String point = backup.startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)
                .iamRoleArn(ROLE).recoveryPointTags(Map.of("dr:region-role", "primary"))).recoveryPointArn();
        fixture.advance(ModeledDurations.BACKUP_JOB);

        String copyJob = backup.startCopyJob(r -> r.recoveryPointArn(point).sourceBackupVaultName(VAULT)
                .destinationBackupVaultArn(fixture.vaultArn(DR)).iamRoleArn(ROLE)).copyJobId();
        String copy = backup.describeCopyJob(r -> r.copyJobId(copyJob)).copyJob().destinationRecoveryPointArn();

        assertThat(Ec2TagsOf.image(fixture.ec2(DR), imageIdOf(copy))).containsEntry("dr:region-role", "primary");
        assertRefused(() -> fixture.backup(DR).listTags(r -> r.resourceArn(copy)),
                InvalidParameterValueException.class, "InvalidParameterValueException");
    }
}
