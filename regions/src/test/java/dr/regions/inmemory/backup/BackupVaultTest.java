package dr.regions.inmemory.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.AlreadyExistsException;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static dr.regions.inmemory.backup.BackupFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupVaultTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);

    @Test
    void aVaultIsDescribedWithItsArnKeyAndTags() {
        backup.createBackupVault(r -> r.backupVaultName("tagged").backupVaultTags(Map.of("dr:stack", "shop")));

        DescribeBackupVaultResponse vault = backup.describeBackupVault(r -> r.backupVaultName("tagged"));

        assertThat(vault.backupVaultArn()).isEqualTo("arn:aws:backup:us-east-1:123456789012:backup-vault:tagged");
        assertThat(vault.encryptionKeyArn()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat(vault.numberOfRecoveryPoints()).isZero();
        assertThat(backup.listTags(r -> r.resourceArn(vault.backupVaultArn())).tags())
                .containsExactly(Map.entry("dr:stack", "shop"));
    }

    @Test
    void aSecondVaultWithTheSameNameIsRefused() {
        assertRefused(() -> backup.createBackupVault(r -> r.backupVaultName(VAULT)),
                AlreadyExistsException.class, "AlreadyExistsException");
    }

    @Test
    void anInvalidVaultNameIsRefused() {
        assertRefused(() -> backup.createBackupVault(r -> r.backupVaultName("no spaces")),
                InvalidParameterValueException.class, "InvalidParameterValueException");
    }

    @Test
    void anUnknownVaultIsNotFoundWhenDeleted() {
        assertRefused(() -> backup.deleteBackupVault(r -> r.backupVaultName("nope")),
                ResourceNotFoundException.class, "ResourceNotFoundException");
    }

    @Test
    void vaultsAreListedPageByPage() {
        IntStream.range(0, 4).forEach(i -> backup.createBackupVault(r -> r.backupVaultName("vault-" + i)));

        var first = backup.listBackupVaults(r -> r.maxResults(3));
        var second = backup.listBackupVaults(r -> r.maxResults(3).nextToken(first.nextToken()));
        List<String> all = backup.listBackupVaultsPaginator(r -> r.maxResults(2)).backupVaultList().stream()
                .map(BackupVaultListMember::backupVaultName).toList();

        assertThat(first.backupVaultList()).hasSize(3);
        assertThat(second.backupVaultList()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThat(all).containsExactly(VAULT, "vault-0", "vault-1", "vault-2", "vault-3");
    }

    @Test
    void aVaultWithRecoveryPointsIsRefusedUntilTheyAreDeleted() {
        String point = fixture.completedBackup();

        assertRefused(() -> backup.deleteBackupVault(r -> r.backupVaultName(VAULT)),
                InvalidRequestException.class, "InvalidRequestException");

        backup.deleteRecoveryPoint(r -> r.backupVaultName(VAULT).recoveryPointArn(point));
        // Still DELETING: the vault holds it until AWS Backup is done.
        assertRefused(() -> backup.deleteBackupVault(r -> r.backupVaultName(VAULT)),
                InvalidRequestException.class, "InvalidRequestException");
        fixture.advance(RecoveryPointDeletions.DURATION);
        backup.deleteBackupVault(r -> r.backupVaultName(VAULT));

        assertThat(backup.listBackupVaults().backupVaultList()).isEmpty();
    }

    @Test
    void aFreshVaultMayBeMissedOnceWhenEventualConsistencyIsOn() {
        fixture.cloud.world().faults().eventualConsistency(true);
        backup.createBackupVault(r -> r.backupVaultName("fresh"));

        // A vault DescribeBackupVault cannot see is answered as a missing one: 403 (see MissingVaultTest).
        assertThatThrownBy(() -> backup.describeBackupVault(r -> r.backupVaultName("fresh")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
        assertThat(backup.describeBackupVault(r -> r.backupVaultName("fresh")).backupVaultName()).isEqualTo("fresh");
    }

    @Test
    void aFreshVaultMayBeMissedOnceByTheListingToo() {
        fixture.cloud.world().faults().eventualConsistency(true);
        backup.createBackupVault(r -> r.backupVaultName("fresh"));

        assertThat(backup.listBackupVaults().backupVaultList()).extracting(BackupVaultListMember::backupVaultName)
                .doesNotContain("fresh");
        assertThat(backup.listBackupVaults().backupVaultList()).extracting(BackupVaultListMember::backupVaultName)
                .contains("fresh");
    }
}
