package dr.regions.cleanup;

import dr.core.engine.StepContext;
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
    private final List<String> snapshots = new ArrayList<>();
    private boolean deregistered;

    ImageDeregistration(DeletionTarget target) {
        super(target, Duration.ZERO);
        String known = target.attribute(Attributes.SNAPSHOTS);
        if (known != null) {
            snapshots.addAll(List.of(known.split(",")));
        }
    }

    @Override
    protected Progress advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        if (!deregistered) {
            List<Image> images = ec2.describeImages(r -> r.imageIds(target().id())).images();
            if (!images.isEmpty()) {
                images.get(0).blockDeviceMappings().stream().map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                        .map(ebs -> ebs.snapshotId()).filter(Objects::nonNull)
                        .filter(id -> !snapshots.contains(id)).forEach(snapshots::add);
                ec2.deregisterImage(r -> r.imageId(target().id()));
            }
            deregistered = true;
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
        return Progress.gone(outputs);
    }
}
