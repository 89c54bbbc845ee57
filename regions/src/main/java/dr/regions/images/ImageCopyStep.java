package dr.regions.images;

import dr.regions.topology.Tier;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.backup.BackupRoles;
import dr.regions.identity.IdentityRoles;
import dr.regions.identity.RolePropagation;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.CopyJob;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tier's golden image in the DR region: an AWS Backup copy job of the primary image's recovery point into the
 * DR vault, so the DR launch templates have an AMI of their own region. A copy job is started in the source
 * region. StartCopyJob takes no tags, and AWS Backup gives the copied AMI the original's tags (primary region
 * role included), so dr tags the copy through EC2 once it exists: {@code image-<tier>} of the DR region and
 * {@value #SOURCE_IMAGE_TAG} = the primary AMI it copies; that pair is how a re-run finds it, and a re-baked
 * primary image gets a fresh copy.
 */
public final class ImageCopyStep extends BackupJobStep {
    /** Tag on a DR copy naming the primary AMI it is a copy of. */
    public static final String SOURCE_IMAGE_TAG = "dr:source-image";
    private static final Set<String> NOT_FAILED = Set.of("CREATED", "RUNNING", "COMPLETED");

    private final RegionTarget target;
    private final RegionTarget primary;
    private final Tier tier;

    public ImageCopyStep(RegionTarget target, Tier tier) {
        super(target.key(tier.imageRole()),
                List.of(target.other().key(tier.imageRole()), target.key(BackupRoles.VAULT),
                        IdentityRoles.BACKUP_ROLE_KEY),
                ModeledDurations.BACKUP_COPY_JOB);
        this.target = target;
        this.primary = target.other();
        this.tier = tier;
    }

    private String sourceImage(StepContext context) {
        return context.require(primary.key(tier.imageRole()), "id");
    }

    private String sourceRecoveryPoint(StepContext context) {
        return context.require(primary.key(tier.imageRole()), "recoveryPointArn");
    }

    /** Copies keep the ARN of the resource that was backed up: the builder in the primary region. */
    private String builderArn(StepContext context) {
        return context.require(primary.key(tier.builderRole()), "arn");
    }

    private String vaultArn(StepContext context) {
        return context.require(target.key(BackupRoles.VAULT), "arn");
    }

    private Map<String, String> tags(StepContext context) {
        Map<String, String> tags = new LinkedHashMap<>(target.tags(tier.imageRole()));
        tags.put(SOURCE_IMAGE_TAG, sourceImage(context));
        return tags;
    }

    @Override
    protected Optional<String> findRecoveryPoint(StepContext context) {
        return RecoveryPoints.newestTagged(backup(target), target.clients().ec2(target.region()),
                context.require(target.key(BackupRoles.VAULT), "id"), builderArn(context), tags(context));
    }

    /** A copy job of exactly the primary recovery point into the DR vault that has not failed. */
    @Override
    protected Optional<String> findJob(StepContext context) {
        String source = sourceRecoveryPoint(context);
        String builderArn = builderArn(context);
        String vaultArn = vaultArn(context);
        return backup(primary).listCopyJobsPaginator(r -> r.byResourceArn(builderArn).byDestinationVaultArn(vaultArn))
                .copyJobs().stream()
                .filter(job -> source.equals(job.sourceRecoveryPointArn()))
                .filter(job -> NOT_FAILED.contains(job.stateAsString()))
                .max(Comparator.comparing(CopyJob::creationDate))
                .map(CopyJob::copyJobId);
    }

    @Override
    protected String startJob(StepContext context) {
        String role = RolePropagation.backupRoleArn(context);
        return RolePropagation.toBackup(context, () -> backup(primary).startCopyJob(r -> r
                .recoveryPointArn(sourceRecoveryPoint(context))
                .sourceBackupVaultName(context.require(primary.key(BackupRoles.VAULT), "id"))
                .destinationBackupVaultArn(vaultArn(context))
                .iamRoleArn(role)
                .idempotencyToken("dr-" + target.stack() + "-copy-" + tier.imageRole() + "-" + sourceImage(context)))
                .copyJobId());
    }

    @Override
    protected Job describeJob(StepContext context, String jobId) {
        CopyJob job = backup(primary).describeCopyJob(r -> r.copyJobId(jobId)).copyJob();
        return new Job(job.stateAsString(), job.destinationRecoveryPointArn(), job.statusMessage());
    }

    @Override
    protected Map<String, String> imageTags(StepContext context) {
        return tags(context);
    }

    @Override
    protected RegionTarget imageRegion() {
        return target;
    }

    /** {@code sourceImage}: the primary AMI (besides the DR AMI as {@code id} and {@code recoveryPointArn}). */
    @Override
    protected Map<String, String> moreOutputs(StepContext context) {
        return Map.of("sourceImage", sourceImage(context));
    }

    @Override
    protected String jobKind() {
        return "copy";
    }

    private static BackupClient backup(RegionTarget region) {
        return region.clients().backup(region.region());
    }
}
