package dr.regions.compute;

import dr.regions.step.Deleting;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

import java.util.Optional;

/**
 * The one way dr looks up an Auto Scaling group by name (DescribeAutoScalingGroups, read-only). A name AWS does not
 * know answers an empty list, not an error. A group being deleted still shows for a while with the status
 * {@code Delete in progress} (an existing group has none); whether it counts is the caller's {@link Deleting} choice.
 */
public final class AutoScalingGroups {
    private AutoScalingGroups() {
    }

    public static Optional<AutoScalingGroup> named(AutoScalingClient autoScaling, String name, Deleting deleting) {
        return autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().stream()
                .filter(group -> deleting == Deleting.PRESENT || group.status() == null)
                .findFirst();
    }
}
