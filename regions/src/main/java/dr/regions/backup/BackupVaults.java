package dr.regions.backup;

import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;

import java.util.Optional;

/**
 * Finding a backup vault by name. AWS Backup answers DescribeBackupVault and ListRecoveryPointsByBackupVault for a
 * vault that does not exist with 403 AccessDeniedException, even to a caller allowed everything (aws-sdk-js#2625,
 * boto3#2269), so "is it there?" is asked of ListBackupVaults, and a vault is only read inside once listed.
 */
public final class BackupVaults {
    private BackupVaults() {
    }

    /** The vault of that name in the client's region, if ListBackupVaults lists it. */
    public static Optional<BackupVaultListMember> named(BackupClient backup, String name) {
        return backup.listBackupVaultsPaginator(r -> { }).backupVaultList().stream()
                .filter(vault -> name.equals(vault.backupVaultName()))
                .findFirst();
    }
}
