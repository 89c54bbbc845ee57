package dr.regions.inmemory.backup;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS Backup answers a read inside a vault that does not exist with HTTP 403 {@code AccessDeniedException}
 * ("Insufficient privileges to perform this action."), even to a caller allowed everything:
 * <ul>
 * <li>DescribeBackupVault: https://github.com/aws/aws-sdk-js/issues/2625 ("If the vault does not exist it fails
 * with a 403 exception"), and https://github.com/ansible-collections/amazon.aws/pull/1436 ("the AccessDenied
 * happens even when you have permissions if the vault does not exist");</li>
 * <li>ListRecoveryPointsByBackupVault: https://github.com/boto/boto3/issues/2269 ("When I pass BackupVaultName
 * but the vault doesn't exist ... AccessDeniedException ... Insufficient privileges").</li>
 * </ul>
 * So a caller cannot tell "missing" from "not allowed" there, and must find vaults by ListBackupVaults first.
 */
class MissingVaultTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);

    private static void assertAccessDenied(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(AwsServiceException.class)
                .isNotInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(403);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(error.awsErrorDetails().errorMessage())
                            .isEqualTo("Insufficient privileges to perform this action.");
                });
    }

    @Test
    void describingAVaultThatDoesNotExistIsAccessDenied() {
        assertAccessDenied(() -> backup.describeBackupVault(r -> r.backupVaultName("no-such-vault")));
    }

    @Test
    void listingTheRecoveryPointsOfAVaultThatDoesNotExistIsAccessDenied() {
        assertAccessDenied(() -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("no-such-vault")));
        assertAccessDenied(() -> backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName("gone"))
                .recoveryPoints().forEach(p -> { }));
    }

    @Test
    void aDeletedVaultIsAccessDeniedTooAndOnlyTheListingTellsItIsGone() {
        assertThat(backup.describeBackupVault(r -> r.backupVaultName(VAULT)).backupVaultName()).isEqualTo(VAULT);

        backup.deleteBackupVault(r -> r.backupVaultName(VAULT));

        assertAccessDenied(() -> backup.describeBackupVault(r -> r.backupVaultName(VAULT)));
        assertAccessDenied(() -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)));
        assertThat(backup.listBackupVaultsPaginator(r -> { }).backupVaultList())
                .extracting(BackupVaultListMember::backupVaultName).doesNotContain(VAULT);
    }

    @Test
    void aVaultThatExistsIsReadAsBefore() {
        assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)).recoveryPoints()).isEmpty();
        fixture.completedBackup();
        assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT)).recoveryPoints()).hasSize(1);
        assertThat(backup.describeBackupVault(r -> r.backupVaultName(VAULT)).numberOfRecoveryPoints()).isEqualTo(1);
    }
}
