package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;

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
     * Starts the deletion and answers at once ({@link RecoveryPointDeletions}). A point whose job is still running, or
     * that is being deleted already, is InvalidResourceStateException: "AWS Backup is already performing an action on
     * this recovery point. It can't perform the action you requested until the first action finishes" (Backup API
     * reference, DeleteRecoveryPoint, Errors).
     */
    DeleteRecoveryPointResponse delete(DeleteRecoveryPointRequest request) {
        RecoveryPoint point = ctx.recoveryPoint(request.backupVaultName(), request.recoveryPointArn());
        if (!view.completed(point)) {
            throw BackupErrors.invalidResourceState("Recovery point " + point.arn
                    + " is being created; it can be deleted once its job completes.");
        }
        if (point.deletedAt != null) {
            throw BackupErrors.invalidResourceState("Recovery point " + point.arn + " is being deleted.");
        }
        RecoveryPointDeletions.request(ctx.world, point);
        return DeleteRecoveryPointResponse.builder().build();
    }
}
