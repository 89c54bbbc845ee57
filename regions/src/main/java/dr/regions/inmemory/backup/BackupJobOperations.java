package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.BackupJob;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupJobsResponse;
import software.amazon.awssdk.services.backup.model.StartBackupJobRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * StartBackupJob, DescribeBackupJob, ListBackupJobs for EC2 instances. An EC2 backup is an AMI: the job calls
 * CreateImage at its start, and its recovery point is that image ({@code arn:aws:ec2:<region>::image/ami-...}),
 * COMPLETED when the job is. The AMI carries the instance's tags and the job's recovery point tags, the latter
 * winning ("Copying tags onto backups", AWS Backup developer guide: "When an Amazon EC2 backup creates an image
 * recovery point ... AWS Backup copies tags to the resulting AMI"; "Tags that are assigned during backup have
 * priority"). Its snapshot carries the instance's volume tags ("AWS Backup also makes a best-effort attempt to copy
 * the tags from the volumes associated with the Amazon EC2 instance to the resulting snapshots", same page,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/tags-on-backups.html; dr tags the builder's volumes as the
 * instance, which is what the fake copies): a stack's Backup snapshots carry the stack's tags. The recovery point
 * itself has no Backup tags: its ARN is EC2's.
 */
final class BackupJobOperations {
    static final String CREATED = "CREATED";
    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";

    private final BackupContext ctx;
    private final JobView view;

    BackupJobOperations(BackupContext ctx, JobView view) {
        this.ctx = ctx;
        this.view = view;
    }

    StartBackupJobResponse start(StartBackupJobRequest request) {
        Vault vault = ctx.vault(request.backupVaultName());
        String resourceArn = BackupErrors.required(request.resourceArn(), "ResourceArn");
        String role = BackupRole.assumable(ctx.world, BackupErrors.required(request.iamRoleArn(), "IamRoleArn"));
        if (request.idempotencyToken() != null) {
            for (BackupJob job : ctx.state.backupJobs.values()) {
                if (request.idempotencyToken().equals(job.idempotencyToken)) {
                    return started(job);
                }
            }
        }
        Instance instance = instanceOf(resourceArn);
        Map<String, String> volumeTags = new LinkedHashMap<>();
        instance.tags().stream().filter(t -> !t.key().startsWith("aws:"))
                .forEach(t -> volumeTags.put(t.key(), t.value()));
        Map<String, String> imageTags = new LinkedHashMap<>(volumeTags);
        imageTags.putAll(BackupTags.check(request.recoveryPointTags()));
        BackupJob job = new BackupJob();
        job.id = ctx.world.ids.uuid().toUpperCase();
        job.vaultName = vault.name;
        job.vaultArn = vault.arn;
        job.resourceArn = resourceArn;
        job.resourceType = "EC2";
        job.iamRoleArn = role;
        job.idempotencyToken = request.idempotencyToken();
        job.creationDate = ctx.now();
        job.timeline = Timeline.startingAt(ctx.now(), CREATED)
                .then(RUNNING, ModeledDurations.BACKUP_JOB_START)
                .then(COMPLETED, ModeledDurations.BACKUP_JOB.minus(ModeledDurations.BACKUP_JOB_START));
        String imageId = createImage(instance.instanceId(), job.id, imageTags, volumeTags);

        RecoveryPoint point = new RecoveryPoint();
        point.arn = imageArn(ctx.region, imageId);
        point.vaultName = vault.name;
        point.vaultArn = vault.arn;
        point.resourceArn = resourceArn;
        point.resourceType = job.resourceType;
        point.iamRoleArn = role;
        point.imageId = imageId;
        point.creationDate = ctx.now();
        point.completionDate = job.timeline.enteredAt(COMPLETED);
        point.lifecycle = PlanOperations.lifecycle(request.lifecycle());
        ctx.state.recoveryPoints.put(point.arn, point);

        job.recoveryPointArn = point.arn;
        ctx.state.backupJobs.put(job.id, job);
        ctx.world.faults().created(job.id);
        return started(job);
    }

    private String createImage(String instanceId, String jobId, Map<String, String> tags,
                               Map<String, String> snapshotTags) {
        try {
            return ctx.world.faults().internal(() -> ctx.world.services().ec2(ctx.region)
                    .createImage(CreateImageRequest.builder()
                            .instanceId(instanceId)
                            .name("AwsBackup_" + instanceId + "_" + jobId)
                            .description("This image is created by the AWS Backup service.")
                            .noReboot(true)
                            .tagSpecifications(tagged(ResourceType.IMAGE, tags),
                                    tagged(ResourceType.SNAPSHOT, snapshotTags))
                            .build())
                    .imageId());
        } catch (Ec2Exception e) {
            throw BackupErrors.invalidRequest("Cannot back up " + instanceId + ": "
                    + e.awsErrorDetails().errorMessage());
        }
    }

    /** The tags of one kind of resource CreateImage makes. */
    static TagSpecification tagged(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    private static StartBackupJobResponse started(BackupJob job) {
        return StartBackupJobResponse.builder().backupJobId(job.id).recoveryPointArn(job.recoveryPointArn)
                .creationDate(job.creationDate).isParent(false).build();
    }

    static String imageArn(String region, String imageId) {
        return "arn:aws:ec2:" + region + "::image/" + imageId;
    }

    /** The EC2 instance of an instance ARN of this region that exists; AWS Backup's errors otherwise. */
    private Instance instanceOf(String resourceArn) {
        String[] parts = resourceArn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("ec2")
                || !parts[5].startsWith("instance/")) {
            throw BackupErrors.invalidParameter("Invalid ARN " + resourceArn
                    + ": only EC2 instances are supported by this backup fake.");
        }
        if (!parts[3].equals(ctx.region)) {
            throw BackupErrors.invalidParameter("Resource " + resourceArn + " is not in region " + ctx.region + ".");
        }
        String instanceId = parts[5].substring("instance/".length());
        try {
            return ctx.world.faults().internal(() -> ctx.world.services().ec2(ctx.region)
                    .describeInstances(DescribeInstancesRequest.builder().instanceIds(instanceId).build()))
                    .reservations().stream().flatMap(r -> r.instances().stream())
                    .filter(i -> i.instanceId().equals(instanceId) && !"terminated".equals(i.state().nameAsString()))
                    .findFirst()
                    .orElseThrow(() -> BackupErrors.notFound("Resource " + resourceArn + " not found."));
        } catch (Ec2Exception e) {
            throw BackupErrors.notFound("Resource " + resourceArn + " not found.");
        }
    }

    DescribeBackupJobResponse describe(DescribeBackupJobRequest request) {
        String id = BackupErrors.required(request.backupJobId(), "BackupJobId");
        BackupJob job = ctx.state.backupJobs.get(id);
        if (job == null || !ctx.world.faults().visible(job.id)) {
            throw BackupErrors.notFound("Backup job " + id + " does not exist.");
        }
        return view.describe(job);
    }

    ListBackupJobsResponse list(ListBackupJobsRequest request) {
        List<BackupJob> jobs = ctx.state.backupJobs.values().stream()
                .filter(job -> request.byStateAsString() == null
                        || request.byStateAsString().equals(job.timeline.stateAt(ctx.now())))
                .filter(job -> request.byBackupVaultName() == null
                        || Objects.equals(request.byBackupVaultName(), job.vaultName))
                .filter(job -> request.byResourceArn() == null || request.byResourceArn().equals(job.resourceArn))
                .filter(job -> request.byResourceType() == null || request.byResourceType().equals(job.resourceType))
                .toList();
        BackupPage<BackupJob> page = BackupPage.of(jobs, job -> job.id, request.nextToken(), request.maxResults());
        return ListBackupJobsResponse.builder()
                .backupJobs(page.items().stream().map(view::job).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
