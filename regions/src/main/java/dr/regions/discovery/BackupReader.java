package dr.regions.discovery;

import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's AWS Backup resources in one region: vaults and plans by their tags (ListTags), the selections of the
 * stack's plans, and every recovery point in the stack's vaults (what a stack vault holds is the stack's; its tags,
 * when dr set them, give its role).
 */
final class BackupReader {
    private final BackupClient backup;
    private final String region;
    private final StackTag stack;
    private final KindReads reads;

    BackupReader(BackupClient backup, String region, StackTag stack, KindReads reads) {
        this.backup = backup;
        this.region = region;
        this.stack = stack;
        this.reads = reads;
    }

    /** Vaults (with what they hold) and plans (with their selections), each readable or not verified on its own. */
    List<StackResource> read() {
        List<StackResource> found = new ArrayList<>(reads.read(region, List.of(ResourceKind.BACKUP_VAULT,
                ResourceKind.RECOVERY_POINT), null, this::vaults));
        found.addAll(reads.read(region, List.of(ResourceKind.BACKUP_PLAN, ResourceKind.BACKUP_SELECTION), null,
                this::plans));
        return found;
    }

    private List<StackResource> vaults() {
        List<StackResource> found = new ArrayList<>();
        for (BackupVaultListMember vault : backup.listBackupVaultsPaginator(r -> { }).backupVaultList()) {
            Map<String, String> tags = backup.listTags(r -> r.resourceArn(vault.backupVaultArn())).tags();
            if (stack.marks(tags)) {
                StackResource resource = StackResource.of(ResourceKind.BACKUP_VAULT, region, vault.backupVaultName(),
                                tags)
                        .state(vault.vaultStateAsString()).with(Attributes.ARN, vault.backupVaultArn())
                        .with("recoveryPoints", vault.numberOfRecoveryPoints()).build();
                found.add(resource);
                found.addAll(reads.read(region, List.of(ResourceKind.RECOVERY_POINT), "vault " + resource.id(),
                        () -> recoveryPoints(resource)));
            }
        }
        return found;
    }

    private List<StackResource> plans() {
        List<StackResource> found = new ArrayList<>();
        for (BackupPlansListMember plan : backup.listBackupPlansPaginator(r -> { }).backupPlansList()) {
            Map<String, String> tags = backup.listTags(r -> r.resourceArn(plan.backupPlanArn())).tags();
            if (stack.marks(tags)) {
                StackResource resource = StackResource.of(ResourceKind.BACKUP_PLAN, region, plan.backupPlanId(), tags)
                        .with(Attributes.ARN, plan.backupPlanArn()).with(Attributes.NAME, plan.backupPlanName())
                        .build();
                found.add(resource);
                found.addAll(reads.read(region, List.of(ResourceKind.BACKUP_SELECTION), "plan " + resource.id(),
                        () -> selections(resource)));
            }
        }
        return found;
    }

    private List<StackResource> recoveryPoints(StackResource vault) {
        List<StackResource> found = new ArrayList<>();
        for (RecoveryPointByBackupVault point : backup.listRecoveryPointsByBackupVaultPaginator(
                r -> r.backupVaultName(vault.id())).recoveryPoints()) {
            Map<String, String> tags = backup.listTags(r -> r.resourceArn(point.recoveryPointArn())).tags();
            found.add(StackResource.of(ResourceKind.RECOVERY_POINT, region, point.recoveryPointArn(), tags)
                    .regionRole(vault.regionRole()).state(point.statusAsString())
                    .with(Attributes.VAULT, vault.id()).with(Attributes.IMAGE_ID, imageOf(point.recoveryPointArn()))
                    .with("resourceArn", point.resourceArn()).build());
        }
        return found;
    }

    private List<StackResource> selections(StackResource plan) {
        List<StackResource> found = new ArrayList<>();
        for (BackupSelectionsListMember selection : backup.listBackupSelectionsPaginator(
                r -> r.backupPlanId(plan.id())).backupSelectionsList()) {
            found.add(StackResource.of(ResourceKind.BACKUP_SELECTION, region, selection.selectionId())
                    .role(plan.role() + "-selection").regionRole(plan.regionRole())
                    .with(Attributes.PLAN_ID, plan.id()).with(Attributes.NAME, selection.selectionName()).build());
        }
        return found;
    }

    /** An EC2 recovery point is its AMI: {@code arn:aws:ec2:<region>::image/ami-...}. */
    static String imageOf(String recoveryPointArn) {
        String[] parts = recoveryPointArn.split(":", 6);
        if (parts.length == 6 && parts[2].equals("ec2") && parts[5].startsWith("image/")) {
            return parts[5].substring("image/".length());
        }
        return null;
    }
}
