package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stack AMI that is not an AWS Backup recovery point (those go with DeleteRecoveryPoint): deregister it, then
 * delete the EBS snapshots behind it, which deregistering leaves in place. A snapshot another AMI still uses is
 * kept and named in the step's outputs.
 */
final class ImageDeregistration extends DeletionStep {
    private final List<String> known = new ArrayList<>();

    /** One run's progress: the snapshots behind the image, and whether it is deregistered yet. */
    private static final class Run {
        final List<String> snapshots = new ArrayList<>();
        boolean deregistered;
    }

    ImageDeregistration(DeletionTarget target) {
        super(target, Duration.ZERO);
        String snapshots = target.attribute(Attributes.SNAPSHOTS);
        if (snapshots != null) {
            known.addAll(List.of(snapshots.split(",")));
        }
    }

    @Override
    protected StepResult advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        Run run = context.perRun(this, Run.class, () -> {
            Run fresh = new Run();
            fresh.snapshots.addAll(known);
            return fresh;
        });
        List<String> snapshots = run.snapshots;
        if (!run.deregistered) {
            List<Image> images = ec2.describeImages(r -> r.imageIds(target().id())).images();
            if (!images.isEmpty()) {
                images.get(0).blockDeviceMappings().stream().map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                        .map(ebs -> ebs.snapshotId()).filter(Objects::nonNull)
                        .filter(id -> !snapshots.contains(id)).forEach(snapshots::add);
                ec2.deregisterImage(r -> r.imageId(target().id()));
            }
            run.deregistered = true;
        }
        List<String> kept = new ArrayList<>();
        for (String snapshot : snapshots) {
            try {
                ec2.deleteSnapshot(r -> r.snapshotId(snapshot));
            } catch (AwsServiceException e) {
                if (AwsErrors.code(e).equals("InvalidSnapshot.InUse")) {
                    kept.add(snapshot);
                } else if (!AwsErrors.isGone(e)) {
                    throw e;
                }
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("snapshots", String.join(",", snapshots));
        if (!kept.isEmpty()) {
            outputs.put("keptSnapshots", String.join(",", kept));
        }
        return gone(outputs);
    }
}
