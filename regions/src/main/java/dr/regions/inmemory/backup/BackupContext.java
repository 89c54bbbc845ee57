package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import dr.regions.inmemory.world.ServiceRegion;
import dr.regions.inmemory.world.World;

/** One region's AWS Backup as the operation classes see it. */
final class BackupContext extends ServiceRegion<BackupState> {
    BackupContext(World world, String region) {
        super(world, region, services -> services.backup);
    }

    String vaultArn(String name) {
        return world.arn("backup", region, "backup-vault:" + name);
    }

    String planArn(String id) {
        return world.arn("backup", region, "backup-plan:" + id);
    }

    /** A vault of this region; ResourceNotFoundException otherwise. */
    Vault vault(String name) {
        BackupErrors.required(name, "BackupVaultName");
        Vault vault = state.vaults.get(name);
        if (vault == null) {
            throw BackupErrors.notFound("Backup vault " + name + " does not exist.");
        }
        return vault;
    }

    /**
     * A vault of this region as DescribeBackupVault and ListRecoveryPointsByBackupVault look it up: a vault that does
     * not exist (or that dr cannot see yet) is {@link BackupErrors#accessDenied}, not ResourceNotFoundException.
     */
    Vault vaultOrAccessDenied(String name) {
        BackupErrors.required(name, "BackupVaultName");
        Vault vault = state.vaults.get(name);
        if (vault == null || !world.faults().visible(vault.arn)) {
            throw BackupErrors.accessDenied();
        }
        return vault;
    }

    /** A recovery point in the named vault of this region; ResourceNotFoundException otherwise. */
    RecoveryPoint recoveryPoint(String vaultName, String arn) {
        Vault vault = vault(vaultName);
        BackupErrors.required(arn, "RecoveryPointArn");
        RecoveryPoint point = state.recoveryPoints.get(arn);
        if (point == null || !point.vaultName.equals(vault.name)) {
            throw BackupErrors.notFound("Recovery point " + arn + " does not exist in backup vault " + vaultName
                    + ".");
        }
        return point;
    }

    String defaultKeyArn() {
        if (state.defaultKeyArn == null) {
            state.defaultKeyArn = world.arn("kms", region, "key/" + world.ids.uuid());
        }
        return state.defaultKeyArn;
    }
}
