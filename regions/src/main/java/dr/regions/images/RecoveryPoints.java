package dr.regions.images;

import dr.core.model.Tags;
import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finding dr's own EC2 recovery points among everything a vault holds for a resource. Their tags are on their AMIs
 * (AWS Backup's ListTags and TagResource refuse an {@code arn:aws:ec2} recovery point), so they are found with EC2:
 * DescribeImages, owner self, filtered by dr's tags.
 */
final class RecoveryPoints {
    private RecoveryPoints() {
    }

    /**
     * The newest completed recovery point of {@code resourceArn} in the vault whose AMI (in the EC2 client's region)
     * carries every tag of {@code tags} but the free-form {@code Name}. Points made by a backup plan are passed
     * over: the daily plan backs the builders up too, but its points expire and are not the golden images.
     */
    static Optional<String> newestTagged(BackupClient backup, Ec2Client ec2, String vault, String resourceArn,
            Map<String, String> tags) {
        Set<String> tagged = ec2.describeImagesPaginator(r -> r.owners("self").filters(filters(tags))).images()
                .stream().map(Image::imageId).collect(Collectors.toSet());
        if (tagged.isEmpty()) {
            return Optional.empty();
        }
        return backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(vault)
                        .byResourceArn(resourceArn)).recoveryPoints().stream()
                .filter(p -> p.status() == RecoveryPointStatus.COMPLETED)
                .filter(p -> p.createdBy() == null || p.createdBy().backupPlanId() == null)
                .sorted(Comparator.comparing(RecoveryPointByBackupVault::creationDate).reversed())
                .map(RecoveryPointByBackupVault::recoveryPointArn)
                .filter(arn -> RecoveryPointImage.of(arn).map(i -> tagged.contains(i.imageId())).orElse(false))
                .findFirst();
    }

    private static List<Filter> filters(Map<String, String> tags) {
        return tags.entrySet().stream().filter(e -> !e.getKey().equals(Tags.NAME))
                .map(e -> Ec2Tags.tag(e.getKey(), e.getValue())).toList();
    }

    static boolean carries(Map<String, String> actual, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }
}
