package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.Vault;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.VaultState;
import software.amazon.awssdk.services.backup.model.VaultType;

import java.util.List;
import java.util.regex.Pattern;

/** CreateBackupVault, DescribeBackupVault, ListBackupVaults, DeleteBackupVault. */
final class VaultOperations {
    /** CreateBackupVault, BackupVaultName pattern. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9\\-_]{2,50}");

    private final BackupContext ctx;

    VaultOperations(BackupContext ctx) {
        this.ctx = ctx;
    }

    CreateBackupVaultResponse create(CreateBackupVaultRequest request) {
        String name = BackupErrors.required(request.backupVaultName(), "BackupVaultName");
        if (!NAME.matcher(name).matches()) {
            throw BackupErrors.invalidParameter("Invalid backup vault name " + name
                    + ": it must be 2 to 50 letters, digits, hyphens or underscores.");
        }
        Vault existing = ctx.state.vaults.get(name);
        if (existing != null) {
            if (request.creatorRequestId() != null && request.creatorRequestId().equals(existing.creatorRequestId)) {
                return created(existing);
            }
            throw BackupErrors.alreadyExists("Backup vault with the same name already exists");
        }
        Vault vault = new Vault();
        vault.name = name;
        vault.arn = ctx.vaultArn(name);
        vault.encryptionKeyArn = request.encryptionKeyArn() == null ? ctx.defaultKeyArn() : request.encryptionKeyArn();
        vault.creatorRequestId = request.creatorRequestId();
        vault.creationDate = ctx.now();
        vault.tags.putAll(BackupTags.check(request.backupVaultTags()));
        ctx.state.vaults.put(name, vault);
        ctx.world.faults().created(vault.arn);
        return created(vault);
    }

    private static CreateBackupVaultResponse created(Vault vault) {
        return CreateBackupVaultResponse.builder().backupVaultName(vault.name).backupVaultArn(vault.arn)
                .creationDate(vault.creationDate).build();
    }

    DescribeBackupVaultResponse describe(DescribeBackupVaultRequest request) {
        Vault vault = ctx.vaultOrAccessDenied(request.backupVaultName());
        return DescribeBackupVaultResponse.builder()
                .backupVaultName(vault.name)
                .backupVaultArn(vault.arn)
                .vaultType(VaultType.BACKUP_VAULT)
                .vaultState(VaultState.AVAILABLE)
                .encryptionKeyArn(vault.encryptionKeyArn)
                .creationDate(vault.creationDate)
                .creatorRequestId(vault.creatorRequestId)
                .numberOfRecoveryPoints(recoveryPoints(vault))
                .locked(false)
                .build();
    }

    ListBackupVaultsResponse list(ListBackupVaultsRequest request) {
        List<Vault> vaults = ctx.state.vaults.values().stream().filter(v -> ctx.world.faults().visible(v.arn))
                .toList();
        BackupPage<Vault> page = BackupPage.of(vaults, v -> v.name, request.nextToken(), request.maxResults());
        return ListBackupVaultsResponse.builder()
                .backupVaultList(page.items().stream().map(vault -> BackupVaultListMember.builder()
                        .backupVaultName(vault.name)
                        .backupVaultArn(vault.arn)
                        .vaultType(VaultType.BACKUP_VAULT)
                        .vaultState(VaultState.AVAILABLE)
                        .encryptionKeyArn(vault.encryptionKeyArn)
                        .creationDate(vault.creationDate)
                        .creatorRequestId(vault.creatorRequestId)
                        .numberOfRecoveryPoints(recoveryPoints(vault))
                        .locked(false)
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteBackupVaultResponse delete(DeleteBackupVaultRequest request) {
        Vault vault = ctx.vault(request.backupVaultName());
        // DeleteBackupVault: "A vault can be deleted only if it is empty."
        if (recoveryPoints(vault) > 0) {
            throw BackupErrors.invalidRequest("Backup vault cannot be deleted because it contains recovery points.");
        }
        ctx.state.vaults.remove(vault.name);
        return DeleteBackupVaultResponse.builder().build();
    }

    private long recoveryPoints(Vault vault) {
        return ctx.state.recoveryPoints.values().stream().filter(p -> p.vaultName.equals(vault.name)).count();
    }
}
