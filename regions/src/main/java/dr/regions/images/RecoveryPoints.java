package dr.regions.images;

import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** Finding dr's own recovery points among everything a vault holds for a resource. */
final class RecoveryPoints {
    private RecoveryPoints() {
    }

    /**
     * The newest completed recovery point of {@code resourceArn} in the vault that carries every tag in
     * {@code tags}. Points made by a backup plan are passed over without reading their tags: the daily plan
     * backs the builders up too, but its points expire and are not the golden images.
     */
    static Optional<String> newestTagged(BackupClient backup, String vault, String resourceArn,
            Map<String, String> tags) {
        return backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(vault)
                        .byResourceArn(resourceArn)).recoveryPoints().stream()
                .filter(p -> p.status() == RecoveryPointStatus.COMPLETED)
                .filter(p -> p.createdBy() == null || p.createdBy().backupPlanId() == null)
                .sorted(Comparator.comparing(RecoveryPointByBackupVault::creationDate).reversed())
                .map(RecoveryPointByBackupVault::recoveryPointArn)
                .filter(arn -> carries(backup.listTags(r -> r.resourceArn(arn)).tags(), tags))
                .findFirst();
    }

    static boolean carries(Map<String, String> actual, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }
}
