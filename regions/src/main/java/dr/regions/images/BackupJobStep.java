package dr.regions.images;

import dr.core.engine.Action;
import dr.core.engine.DeclaredStep;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.regions.network.Ec2Tags;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An AMI made by an AWS Backup job (a backup, or a copy to another region), in the shape of every provisioning
 * step: find the finished recovery point by its AMI's tags; else find a job still at work (started by a run that
 * died before it could note it); else start one. Then wait for the job, make sure the AMI carries dr's tags, and
 * wait until EC2 calls the image {@code available}. The step's resource id is the AMI id; the job id is only
 * known while waiting, which is why this is not an {@code EnsureStep}.
 *
 * <p>The tags go on the AMI through EC2 (DescribeImages, CreateTags): an EC2 recovery point's ARN is EC2's, which
 * Backup's ListTags and TagResource refuse. AWS Backup itself copies the instance's and the job's tags onto the
 * AMI it makes, and a copy job copies the original's tags to the copy ("Copying tags onto backups"), but only
 * with the permissions to do so and, for a copy, with the source region's values: dr checks and sets its own.
 */
abstract class BackupJobStep extends DeclaredStep {
    /** Backup and copy job states after which no recovery point is coming. */
    private static final Set<String> FAILED = Set.of("ABORTING", "ABORTED", "FAILED", "EXPIRED", "PARTIAL");
    private static final String COMPLETED = "COMPLETED";
    /** Jobs take minutes: polling every half minute is plenty and spares the Backup API's request quota. */
    private static final Duration JOB_POLL = Duration.ofSeconds(30);

    /** What one run of this step has learnt so far: kept per run (see {@link StepContext#perRun}), not in fields. */
    private static final class Run {
        Action action;
        String jobId;
        String recoveryPointArn;
        boolean tagsChecked;
    }

    protected BackupJobStep(StepKey key, List<StepKey> dependsOn, Duration estimate) {
        super(key, dependsOn, "AWS::EC2::Image", estimate);
    }

    /** A job's state and, once it is known, the recovery point it makes. */
    protected record Job(String state, String recoveryPointArn, String message) {
    }

    /** The finished recovery point with dr's tags, if there is one. */
    protected abstract Optional<String> findRecoveryPoint(StepContext context);

    /** A job already making this image (not failed), if there is one. */
    protected abstract Optional<String> findJob(StepContext context);

    /** Starts the job, with an idempotency token so that a retried call starts nothing new; returns its id. */
    protected abstract String startJob(StepContext context);

    protected abstract Job describeJob(StepContext context, String jobId);

    /** The tags the AMI must carry. */
    protected abstract Map<String, String> imageTags(StepContext context);

    protected abstract RegionTarget imageRegion();

    /** What later steps read besides {@code id} (the AMI) and {@code recoveryPointArn}; none by default. */
    protected Map<String, String> moreOutputs(StepContext context) {
        return Map.of();
    }

    /** "backup" or "copy", for messages. */
    protected abstract String jobKind();

    /** Backup and copy jobs of a small root volume take 10-30 minutes; AWS may queue them first. */
    @Override
    public Duration timeout() {
        return Duration.ofHours(2);
    }

    @Override
    public final StepResult execute(StepContext context) {
        Run run = context.perRun(this, Run.class, Run::new);
        if (run.action == null) {
            begin(context, run);
        }
        if (run.recoveryPointArn == null) {
            String jobId = run.jobId;
            Job job = describeJob(context, jobId);
            String state = job.state() == null ? "UNKNOWN" : job.state();
            if (FAILED.contains(state)) {
                return StepResult.failed(jobKind() + " job " + jobId + " is " + state
                        + (job.message() == null ? "" : ": " + job.message()));
            }
            if (!COMPLETED.equals(state)) {
                return StepResult.waiting(jobKind() + " " + state.toLowerCase(Locale.ROOT), JOB_POLL);
            }
            if (job.recoveryPointArn() == null) {
                return StepResult.failed(jobKind() + " job " + jobId + " completed without a recovery point");
            }
            run.recoveryPointArn = job.recoveryPointArn();
            context.created(run.recoveryPointArn);
        }
        String recoveryPointArn = run.recoveryPointArn;
        RecoveryPointImage image = RecoveryPointImage.parse(recoveryPointArn);
        Optional<Image> described = describe(image);
        if (!run.tagsChecked && described.isPresent()) {
            if (tagImage(context, image, described.get()) && run.action == Action.KEEP) {
                run.action = Action.UPDATE;
            }
            run.tagsChecked = true;
        }
        String imageState = described.map(Image::stateAsString).orElse("deregistered");
        if (!"available".equals(imageState)) {
            return Set.of("pending", "transient").contains(imageState)
                    ? StepResult.waiting("image " + imageState)
                    : StepResult.failed("image " + image.imageId() + " of recovery point " + recoveryPointArn
                            + " is " + imageState);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", image.imageId());
        outputs.put("recoveryPointArn", recoveryPointArn);
        outputs.putAll(moreOutputs(context));
        return StepResult.done(run.action, image.imageId(), outputs);
    }

    private void begin(StepContext context, Run run) {
        Optional<String> finished = findRecoveryPoint(context);
        if (finished.isPresent()) {
            run.recoveryPointArn = finished.get();
            run.tagsChecked = true;
            run.action = Action.KEEP;
            return;
        }
        Optional<String> running = findJob(context);
        if (running.isPresent()) {
            run.jobId = running.get();
            run.action = Action.KEEP;
        } else {
            run.jobId = startJob(context);
            context.created(run.jobId);
            run.action = Action.CREATE;
        }
    }

    private Optional<Image> describe(RecoveryPointImage image) {
        return ec2(image).describeImages(r -> r.imageIds(image.imageId())).images().stream().findFirst();
    }

    /** Adds dr's tags to the AMI where missing or different (EC2 CreateTags overwrites a key's value). */
    private boolean tagImage(StepContext context, RecoveryPointImage image, Image described) {
        Map<String, String> wanted = imageTags(context);
        if (RecoveryPoints.carries(Ec2Tags.toMap(described.tags()), wanted)) {
            return false;
        }
        ec2(image).createTags(r -> r.resources(image.imageId()).tags(Ec2Tags.toTags(wanted)));
        return true;
    }

    private Ec2Client ec2(RecoveryPointImage image) {
        return imageRegion().clients().ec2(image.region());
    }
}
