package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sandbox account with a running web instance in the primary region, a backup vault in each region and a role AWS
 * Backup may assume.
 */
final class BackupFixture {
    static final String PRIMARY = "us-east-1";
    static final String DR = "us-west-2";
    static final String VAULT = "shop-vault";
    static final String ROLE = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole";

    final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    final String instanceId;
    final String instanceArn;

    BackupFixture() {
        // Backup refuses a role that does not exist or does not trust it (BackupRoleTest); booting the instance below
        // gives the role time to propagate.
        cloud.iam().createRole(r -> r.roleName("AWSBackupDefaultServiceRole").path("/service-role/")
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"backup.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        instanceId = runInstance(PRIMARY);
        instanceArn = "arn:aws:ec2:" + PRIMARY + ":123456789012:instance/" + instanceId;
        backup(PRIMARY).createBackupVault(r -> r.backupVaultName(VAULT));
        backup(DR).createBackupVault(r -> r.backupVaultName(VAULT));
    }

    private String runInstance(String region) {
        Ec2Client ec2 = cloud.ec2(region);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.10.3.0/24").availabilityZone(region + "a"))
                .subnet().subnetId();
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(subnet)
                .minCount(1).maxCount(1)).instances().get(0).instanceId();
        cloud.world().clock().advance(ModeledDurations.INSTANCE_BOOT);
        return id;
    }

    BackupClient backup(String region) {
        return cloud.backup(region);
    }

    Ec2Client ec2(String region) {
        return cloud.ec2(region);
    }

    void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    String vaultArn(String region) {
        return "arn:aws:backup:" + region + ":123456789012:backup-vault:" + VAULT;
    }

    StartBackupJobResponse startBackup() {
        return backup(PRIMARY).startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(instanceArn).iamRoleArn(ROLE));
    }

    /** A completed on-demand backup of the instance; returns its recovery point ARN. */
    String completedBackup() {
        String point = startBackup().recoveryPointArn();
        advance(ModeledDurations.BACKUP_JOB);
        return point;
    }

    String imageState(String region, String imageId) {
        return ec2(region).describeImages(r -> r.imageIds(imageId)).images().get(0).stateAsString();
    }

    static String imageIdOf(String recoveryPointArn) {
        return recoveryPointArn.substring(recoveryPointArn.lastIndexOf('/') + 1);
    }

    /** Asserts the call is refused with this modeled exception type and AWS error code (HTTP 400). */
    static void assertRefused(ThrowingCallable call, Class<? extends AwsServiceException> type, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(type)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(error.statusCode()).isEqualTo(400);
                });
    }
}
