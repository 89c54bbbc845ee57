package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.CopyJob;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.RegionState;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.backup.model.DescribeCopyJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeCopyJobResponse;
import software.amazon.awssdk.services.backup.model.ListCopyJobsRequest;
import software.amazon.awssdk.services.backup.model.ListCopyJobsResponse;
import software.amazon.awssdk.services.backup.model.StartCopyJobRequest;
import software.amazon.awssdk.services.backup.model.StartCopyJobResponse;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.List;
import java.util.Map;

/**
 * StartCopyJob, DescribeCopyJob, ListCopyJobs, called in the source region. Copying an EC2 recovery point is
 * EC2 CopyImage into the destination region; the copy is a recovery point in the destination vault, COMPLETED
 * when the copy job is. The copied AMI carries the source AMI's tags ("Copying tags onto backups": "If you copy
 * your backup to another AWS Region, AWS Backup copies all tags of the original backup to the destination"), so
 * a copy first says what the original says, {@code dr:region-role} included; its snapshot gets the source snapshot's
 * tags likewise.
 */
final class CopyJobOperations {
    private final BackupContext ctx;
    private final JobView view;

    CopyJobOperations(BackupContext ctx, JobView view) {
        this.ctx = ctx;
        this.view = view;
    }

    StartCopyJobResponse start(StartCopyJobRequest request) {
        String pointArn = BackupErrors.required(request.recoveryPointArn(), "RecoveryPointArn");
        BackupErrors.required(request.sourceBackupVaultName(), "SourceBackupVaultName");
        String destinationArn = BackupErrors.required(request.destinationBackupVaultArn(),
                "DestinationBackupVaultArn");
        String role = BackupRole.assumable(ctx.world, BackupErrors.required(request.iamRoleArn(), "IamRoleArn"));
        if (request.idempotencyToken() != null) {
            for (CopyJob job : ctx.state.copyJobs.values()) {
                if (request.idempotencyToken().equals(job.idempotencyToken)) {
                    return started(job);
                }
            }
        }
        RecoveryPoint source = ctx.recoveryPoint(request.sourceBackupVaultName(), pointArn);
        // StartCopyJob declares no InvalidResourceStateException: a recovery point still being made is an
        // invalid request.
        if (!view.completed(source)) {
            throw BackupErrors.invalidRequest("Recovery point " + pointArn + " is not in COMPLETED state.");
        }
        Vault destination = destinationVault(destinationArn);
        String destinationRegion = VaultArn.parse(destinationArn).region();

        CopyJob job = new CopyJob();
        job.id = ctx.world.ids.uuid().toUpperCase();
        job.sourceVaultArn = source.vaultArn;
        job.sourceRecoveryPointArn = source.arn;
        job.destinationVaultArn = destination.arn;
        job.resourceArn = source.resourceArn;
        job.resourceType = source.resourceType;
        job.iamRoleArn = role;
        job.idempotencyToken = request.idempotencyToken();
        job.creationDate = ctx.now();
        job.timeline = Timeline.startingAt(ctx.now(), BackupJobOperations.CREATED)
                .then(BackupJobOperations.RUNNING, ModeledDurations.BACKUP_JOB_START)
                .then(BackupJobOperations.COMPLETED,
                        ModeledDurations.BACKUP_COPY_JOB.minus(ModeledDurations.BACKUP_JOB_START));
        String imageId = copyImage(source, destinationRegion, job.id);

        RecoveryPoint copy = new RecoveryPoint();
        copy.arn = BackupJobOperations.imageArn(destinationRegion, imageId);
        copy.vaultName = destination.name;
        copy.vaultArn = destination.arn;
        copy.sourceVaultArn = source.vaultArn;
        copy.resourceArn = source.resourceArn;
        copy.resourceType = source.resourceType;
        copy.iamRoleArn = role;
        copy.imageId = imageId;
        copy.creationDate = ctx.now();
        copy.completionDate = job.timeline.enteredAt(BackupJobOperations.COMPLETED);
        copy.lifecycle = PlanOperations.lifecycle(request.lifecycle());
        ctx.world.region(destinationRegion).backup.recoveryPoints.put(copy.arn, copy);

        job.destinationRecoveryPointArn = copy.arn;
        ctx.state.copyJobs.put(job.id, job);
        ctx.world.faults().created(job.id);
        return started(job);
    }

    private static StartCopyJobResponse started(CopyJob job) {
        return StartCopyJobResponse.builder().copyJobId(job.id).creationDate(job.creationDate).isParent(false)
                .build();
    }

    /** The destination vault, which must exist in its region. */
    private Vault destinationVault(String arn) {
        VaultArn parsed = VaultArn.parse(arn);
        if (parsed == null) {
            throw BackupErrors.invalidParameter("Invalid destination backup vault ARN " + arn);
        }
        RegionState region = ctx.world.regions.get(parsed.region());
        Vault vault = region == null ? null : region.backup.vaults.get(parsed.name());
        if (vault == null) {
            throw BackupErrors.notFound("Backup vault " + arn + " does not exist.");
        }
        return vault;
    }

    private String copyImage(RecoveryPoint source, String destinationRegion, String jobId) {
        try {
            return ctx.world.faults().internal(() -> ctx.world.services().ec2(destinationRegion)
                    .copyImage(CopyImageRequest.builder()
                            .sourceImageId(source.imageId)
                            .sourceRegion(ctx.region)
                            .name("AwsBackup_" + source.imageId + "_" + jobId)
                            .description("This image is a copy made by the AWS Backup service.")
                            .copyImageTags(true)
                            .tagSpecifications(BackupJobOperations.tagged(ResourceType.SNAPSHOT,
                                    sourceSnapshotTags(source.imageId)))
                            .build())
                    .imageId());
        } catch (Ec2Exception e) {
            throw BackupErrors.invalidRequest("Cannot copy recovery point " + source.arn + ": "
                    + e.awsErrorDetails().errorMessage());
        }
    }

    /** The tags on the source AMI's snapshot, which the copy's snapshot gets too ("copies all tags"). */
    private Map<String, String> sourceSnapshotTags(String imageId) {
        Ec2State ec2 = ctx.world.region(ctx.region).ec2;
        Ec2State.Image image = ec2.images.get(imageId);
        Ec2State.Snapshot snapshot = image == null ? null : ec2.snapshots.get(image.snapshotId);
        return snapshot == null ? Map.of() : snapshot.tags;
    }

    DescribeCopyJobResponse describe(DescribeCopyJobRequest request) {
        String id = BackupErrors.required(request.copyJobId(), "CopyJobId");
        CopyJob job = ctx.state.copyJobs.get(id);
        if (job == null || !ctx.world.faults().visible(job.id)) {
            throw BackupErrors.notFound("Copy job " + id + " does not exist.");
        }
        return DescribeCopyJobResponse.builder().copyJob(view.copyJob(job)).build();
    }

    ListCopyJobsResponse list(ListCopyJobsRequest request) {
        List<CopyJob> jobs = ctx.state.copyJobs.values().stream()
                .filter(job -> request.byStateAsString() == null
                        || request.byStateAsString().equals(job.timeline.stateAt(ctx.now())))
                .filter(job -> request.byDestinationVaultArn() == null
                        || request.byDestinationVaultArn().equals(job.destinationVaultArn))
                .filter(job -> request.byResourceArn() == null || request.byResourceArn().equals(job.resourceArn))
                .filter(job -> request.byResourceType() == null || request.byResourceType().equals(job.resourceType))
                .toList();
        BackupPage<CopyJob> page = BackupPage.of(jobs, job -> job.id, request.nextToken(), request.maxResults());
        return ListCopyJobsResponse.builder()
                .copyJobs(page.items().stream().map(view::copyJob).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
