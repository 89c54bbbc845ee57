package dr.regions.inmemory.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;

import java.time.Duration;

import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS Backup refuses an IAM role it cannot assume: one that does not exist, does not trust backup.amazonaws.com, or
 * has not reached Backup yet right after its creation: InvalidParameterValueException (400) "IAM Role arn:... cannot be
 * assumed by AWS Backup" (terraform-provider-aws issue 9297, https://github.com/hashicorp/terraform-provider-aws/issues/9297,
 * and pull request 12017, which retry it as IAM eventual consistency).
 */
class BackupRoleTest {
    private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String BACKUP_TRUST = EC2_TRUST.replace("ec2.amazonaws.com", "backup.amazonaws.com");

    private final BackupFixture fixture = new BackupFixture();

    private void startWith(String role) {
        fixture.backup(PRIMARY).startBackupJob(r -> r.backupVaultName(VAULT).resourceArn(fixture.instanceArn)
                .iamRoleArn(role));
    }

    private static void assertCannotBeAssumed(Runnable call, String role) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidParameterValueException.class).satisfies(e -> {
            InvalidParameterValueException error = (InvalidParameterValueException) e;
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("IAM Role " + role + " cannot be assumed by AWS Backup");
        });
    }

    @Test
    void aRoleThatDoesNotExistIsRefusedByEveryCallThatTakesOne() {
        String missing = "arn:aws:iam::123456789012:role/service-role/NoSuchRole";

        assertCannotBeAssumed(() -> startWith(missing), missing);
        String planId = fixture.backup(PRIMARY).createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName("plan")
                .rules(rule -> rule.ruleName("daily").targetBackupVaultName(VAULT)))).backupPlanId();
        assertCannotBeAssumed(() -> fixture.backup(PRIMARY).createBackupSelection(r -> r.backupPlanId(planId)
                .backupSelection(s -> s.selectionName("all").iamRoleArn(missing))), missing);
    }

    @Test
    void aRoleThatTrustsAnotherServiceIsRefused() {
        String arn = fixture.cloud.iam().createRole(r -> r.roleName("ec2-only").assumeRolePolicyDocument(EC2_TRUST))
                .role().arn();
        fixture.advance(Duration.ofMinutes(5));

        assertCannotBeAssumed(() -> startWith(arn), arn);
    }

    @Test
    void withEventualConsistencyAFreshRoleIsRefusedOnceThenAccepted() {
        fixture.cloud.world().faults().eventualConsistency(true);
        String arn = fixture.cloud.iam().createRole(r -> r.roleName("fresh").assumeRolePolicyDocument(BACKUP_TRUST))
                .role().arn();

        assertCannotBeAssumed(() -> startWith(arn), arn);
        startWith(arn);
    }

    @Test
    void withEventualConsistencyARoleOlderThanThePropagationTimeIsAcceptedAtOnce() {
        fixture.cloud.world().faults().eventualConsistency(true);
        String arn = fixture.cloud.iam().createRole(r -> r.roleName("settled").assumeRolePolicyDocument(BACKUP_TRUST))
                .role().arn();
        fixture.advance(Duration.ofSeconds(10));

        startWith(arn);
    }
}
