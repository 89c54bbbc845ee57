package dr.regions.backup;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.StackOwnership;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backup vault of one region, {@code <stack>-vault}, found by its name in ListBackupVaults (see
 * {@link BackupVaults}: DescribeBackupVault cannot tell a missing vault from a forbidden one). A vault of that
 * name that does not carry this stack's tag belongs to someone else: dr fails rather than adopt it, since cleanup
 * would later empty and delete whatever dr considers its own.
 */
public final class BackupVaultStep extends EnsureStep {
    private final RegionTarget target;
    private String arn;
    private String foreignOwner;

    public BackupVaultStep(RegionTarget target) {
        super(target.key(BackupRoles.VAULT), List.of(), "AWS::Backup::BackupVault", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    private String name() {
        return BackupRoles.vaultName(target);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<BackupVaultListMember> vault = BackupVaults.named(backup(), name());
        if (vault.isEmpty()) {
            return Optional.empty();
        }
        arn = vault.get().backupVaultArn();
        Map<String, String> tags = backup().listTags(r -> r.resourceArn(arn)).tags();
        foreignOwner = StackOwnership.foreignOwner(target.stack(), tags);
        return Optional.of(name());
    }

    @Override
    protected String create(StepContext context) {
        arn = backup().createBackupVault(r -> r.backupVaultName(name())
                        .backupVaultTags(BackupRoles.tags(target, BackupRoles.VAULT, name()))
                        .creatorRequestId("dr-" + target.stack() + "-" + BackupRoles.VAULT))
                .backupVaultArn();
        return name();
    }

    @Override
    protected ResourceState readiness(StepContext context, String id) {
        return StackOwnership.readiness(foreignOwner, "a vault");
    }

    /** {@code id} (the vault name, which Backup calls take) and {@code arn} (which copy actions take). */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", id, "arn", arn);
    }

    private BackupClient backup() {
        return target.clients().backup(target.region());
    }
}
