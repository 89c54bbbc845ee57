package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.List;
import java.util.Objects;

/** ListRecoveryPointsByBackupVault, DescribeRecoveryPoint, DeleteRecoveryPoint. */
final class RecoveryPointOperations {
    private final BackupContext ctx;
    private final JobView view;

    RecoveryPointOperations(BackupContext ctx, JobView view) {
        this.ctx = ctx;
        this.view = view;
    }

    ListRecoveryPointsByBackupVaultResponse list(ListRecoveryPointsByBackupVaultRequest request) {
        Vault vault = ctx.vaultOrAccessDenied(request.backupVaultName());
        List<RecoveryPoint> points = ctx.state.recoveryPoints.values().stream()
                .filter(p -> p.vaultName.equals(vault.name))
                .filter(view::completed)
                .filter(p -> request.byResourceArn() == null || request.byResourceArn().equals(p.resourceArn))
                .filter(p -> request.byResourceType() == null || Objects.equals(request.byResourceType(), p.resourceType))
                .filter(p -> request.byCreatedAfter() == null || p.creationDate.isAfter(request.byCreatedAfter()))
                .filter(p -> request.byCreatedBefore() == null || p.creationDate.isBefore(request.byCreatedBefore()))
                .toList();
        BackupPage<RecoveryPoint> page = BackupPage.of(points, p -> p.arn, request.nextToken(), request.maxResults());
        return ListRecoveryPointsByBackupVaultResponse.builder()
                .recoveryPoints(page.items().stream().map(view::listed).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeRecoveryPointResponse describe(DescribeRecoveryPointRequest request) {
        RecoveryPoint point = ctx.recoveryPoint(request.backupVaultName(), request.recoveryPointArn());
        if (!view.completed(point)) {
            throw BackupErrors.notFound("Recovery point " + point.arn + " does not exist in backup vault "
                    + point.vaultName + ".");
        }
        return view.describe(point);
    }

    /**
     * Deleting an EC2 recovery point deletes the backup itself: AWS Backup deregisters the AMI and deletes its
     * EBS snapshots (Backup developer guide, "Deleting backups": the backup data is removed with the recovery
     * point). A recovery point whose job is still running cannot be deleted yet.
     */
    DeleteRecoveryPointResponse delete(DeleteRecoveryPointRequest request) {
        RecoveryPoint point = ctx.recoveryPoint(request.backupVaultName(), request.recoveryPointArn());
        if (!view.completed(point)) {
            throw BackupErrors.invalidResourceState("Recovery point " + point.arn
                    + " is being created; it can be deleted once its job completes.");
        }
        if (point.imageId != null) {
            ctx.world.faults().internal(() -> deleteImage(point.imageId));
        }
        ctx.state.recoveryPoints.remove(point.arn);
        return DeleteRecoveryPointResponse.builder().build();
    }

    /**
     * Deletes the image and its snapshots through the EC2 fake (run as an internal call, so eventual consistency
     * does not hide a fresh image from Backup); false when the AMI was already gone.
     */
    private boolean deleteImage(String imageId) {
        Ec2Client ec2 = ctx.world.services().ec2(ctx.region);
        List<String> snapshots;
        try {
            snapshots = ec2.describeImages(DescribeImagesRequest.builder().imageIds(imageId).build()).images().stream()
                    .map(Image::blockDeviceMappings).flatMap(List::stream)
                    .map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                    .map(ebs -> ebs.snapshotId()).filter(Objects::nonNull)
                    .toList();
            ec2.deregisterImage(DeregisterImageRequest.builder().imageId(imageId).build());
        } catch (Ec2Exception e) {
            // The AMI is already gone (e.g. deregistered by hand): nothing left to delete.
            return false;
        }
        for (String snapshotId : snapshots) {
            ec2.deleteSnapshot(DeleteSnapshotRequest.builder().snapshotId(snapshotId).build());
        }
        return true;
    }
}
