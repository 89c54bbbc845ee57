package dr.regions.images;

import dr.regions.topology.Tier;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.backup.BackupRoles;
import dr.regions.identity.IdentityRoles;
import dr.regions.identity.RolePropagation;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tier's golden image in the primary region: an on-demand AWS Backup job of the tier's builder into the primary
 * vault. The recovery point is an AMI, tagged as {@code image-<tier>} (the job's recovery point tags, which AWS
 * Backup puts on the AMI, and dr's own EC2 CreateTags when they are missing) and kept until cleanup (no
 * lifecycle). Found again by the builder's ARN and the AMI's tags, so a re-run starts nothing.
 */
public final class ImageBackupStep extends BackupJobStep {
    private static final Set<String> IN_PROGRESS = Set.of("CREATED", "PENDING", "RUNNING");

    private final RegionTarget target;
    private final Tier tier;

    public ImageBackupStep(RegionTarget target, Tier tier) {
        super(target.key(tier.imageRole()),
                List.of(target.key(tier.builderRole()), target.key(BackupRoles.VAULT), IdentityRoles.BACKUP_ROLE_KEY),
                ModeledDurations.BACKUP_JOB_START.plus(ModeledDurations.BACKUP_JOB));
        this.target = target;
        this.tier = tier;
    }

    private String vault(StepContext context) {
        return context.require(target.key(BackupRoles.VAULT), "id");
    }

    private String builderArn(StepContext context) {
        return context.require(target.key(tier.builderRole()), "arn");
    }

    private Map<String, String> tags() {
        return target.tags(tier.imageRole());
    }

    @Override
    protected Optional<String> findRecoveryPoint(StepContext context) {
        return RecoveryPoints.newestTagged(backup(), ec2(), vault(context), builderArn(context), tags());
    }

    /** An on-demand job of the builder still running; jobs a backup plan started are not dr's image. */
    @Override
    protected Optional<String> findJob(StepContext context) {
        String vault = vault(context);
        String builderArn = builderArn(context);
        return backup().listBackupJobsPaginator(r -> r.byResourceArn(builderArn).byBackupVaultName(vault))
                .backupJobs().stream()
                .filter(job -> IN_PROGRESS.contains(job.stateAsString()))
                .filter(job -> job.createdBy() == null || job.createdBy().backupPlanId() == null)
                .max(Comparator.comparing(BackupJob::creationDate))
                .map(BackupJob::backupJobId);
    }

    @Override
    protected String startJob(StepContext context) {
        String builderId = context.require(target.key(tier.builderRole()), "id");
        String role = RolePropagation.backupRoleArn(context);
        return RolePropagation.toBackup(context, () -> backup().startBackupJob(r -> r.backupVaultName(vault(context))
                .resourceArn(builderArn(context))
                .iamRoleArn(role)
                .idempotencyToken("dr-" + target.stack() + "-" + tier.imageRole() + "-" + builderId)
                .recoveryPointTags(tags())).backupJobId());
    }

    @Override
    protected Job describeJob(StepContext context, String jobId) {
        DescribeBackupJobResponse job = backup().describeBackupJob(r -> r.backupJobId(jobId));
        return new Job(job.stateAsString(), job.recoveryPointArn(), job.statusMessage());
    }

    @Override
    protected Map<String, String> imageTags(StepContext context) {
        return tags();
    }

    @Override
    protected RegionTarget imageRegion() {
        return target;
    }

    @Override
    protected String jobKind() {
        return "backup";
    }

    private BackupClient backup() {
        return target.clients().backup(target.region());
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
