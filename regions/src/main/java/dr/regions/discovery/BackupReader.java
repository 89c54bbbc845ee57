package dr.regions.discovery;

import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stack's AWS Backup resources in one region: vaults and plans by their tags (ListTags), the selections of the
 * stack's plans, and every recovery point in the stack's vaults (what a stack vault holds is the stack's; its tags,
 * when dr set them, give its role). Vaults are read inside only once ListBackupVaults lists them (a missing vault
 * is AccessDeniedException to ListRecoveryPointsByBackupVault). An EC2 recovery point is an AMI with EC2's ARN,
 * which Backup's ListTags refuses: its tags are the AMI's, read through EC2.
 */
final class BackupReader {
    /** DescribeImages takes at most 200 values in one filter. */
    private static final int IMAGE_BATCH = 200;

    private final BackupClient backup;
    private final Ec2Client ec2;
    private final String region;
    private final StackTag stack;
    private final KindReads reads;

    BackupReader(BackupClient backup, Ec2Client ec2, String region, StackTag stack, KindReads reads) {
        this.backup = backup;
        this.ec2 = ec2;
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
        List<RecoveryPointByBackupVault> points = new ArrayList<>();
        backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(vault.id())).recoveryPoints()
                .forEach(points::add);
        Map<String, Map<String, String>> imageTags = imageTags(points.stream()
                .map(p -> imageOf(p.recoveryPointArn())).filter(Objects::nonNull).toList());
        List<StackResource> found = new ArrayList<>();
        for (RecoveryPointByBackupVault point : points) {
            Map<String, String> tags = tagsOf(point.recoveryPointArn(), imageTags);
            found.add(StackResource.of(ResourceKind.RECOVERY_POINT, region, point.recoveryPointArn(), tags)
                    .regionRole(vault.regionRole()).state(point.statusAsString())
                    .with(Attributes.VAULT, vault.id()).with(Attributes.IMAGE_ID, imageOf(point.recoveryPointArn()))
                    .with("resourceArn", point.resourceArn()).build());
        }
        return found;
    }

    /** An EC2 point's AMI tags; Backup's own tags for an {@code arn:aws:backup} point; none for any other. */
    private Map<String, String> tagsOf(String recoveryPointArn, Map<String, Map<String, String>> imageTags) {
        String image = imageOf(recoveryPointArn);
        if (image != null) {
            return imageTags.getOrDefault(image, Map.of());
        }
        if (isBackupArn(recoveryPointArn)) {
            return backup.listTags(r -> r.resourceArn(recoveryPointArn)).tags();
        }
        return Map.of();
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

    /** The tags of the account's own AMIs among {@code imageIds}, by image id; one deregistered meanwhile is absent. */
    private Map<String, Map<String, String>> imageTags(List<String> imageIds) {
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (int from = 0; from < imageIds.size(); from += IMAGE_BATCH) {
            List<String> batch = imageIds.subList(from, Math.min(imageIds.size(), from + IMAGE_BATCH));
            for (Image image : ec2.describeImagesPaginator(r -> r.owners("self")
                    .filters(Ec2Tags.filter("image-id", batch.toArray(String[]::new)))).images()) {
                tags.put(image.imageId(), Ec2Tags.toMap(image.tags()));
            }
        }
        return tags;
    }

    /** Backup's own ARNs ({@code arn:aws:backup:...}), the only ones its ListTags serves. */
    static boolean isBackupArn(String arn) {
        String[] parts = arn.split(":", 4);
        return parts.length == 4 && parts[2].equals("backup");
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
