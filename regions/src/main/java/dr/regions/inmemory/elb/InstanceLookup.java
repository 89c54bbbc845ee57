package dr.regions.inmemory.elb;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What ELB needs to know about an instance target: its EC2 state and security groups (EC2 DescribeInstances) and,
 * for an Auto Scaling instance, when its launch completed (DescribeAutoScalingInstances and the launch activity of
 * DescribeScalingActivities), all through the sibling fakes' SDK operations.
 */
final class InstanceLookup {
    /**
     * @param readyAt when the instance started serving: its Auto Scaling launch completed (InService), or for a
     *                plain instance when it reached running; null while it is not there yet
     */
    record InstanceView(String ec2State, Instant readyAt, Set<String> securityGroups) {
        boolean isRunning() {
            return ec2State.equals("pending") || ec2State.equals("running");
        }
    }

    private final World world;
    private final String region;

    InstanceLookup(World world, String region) {
        this.world = world;
        this.region = region;
    }

    /** Asked as an internal lookup: the eventual-consistency fault's miss is meant for dr, not for ELB. */
    Optional<InstanceView> instance(String instanceId) {
        return world.faults().internal(() -> view(instanceId));
    }

    private Optional<InstanceView> view(String instanceId) {
        Optional<Instance> ec2Instance = ec2Instance(instanceId);
        if (ec2Instance.isEmpty()) {
            return Optional.empty();
        }
        Instance instance = ec2Instance.get();
        Set<String> groups = new LinkedHashSet<>();
        instance.securityGroups().stream().map(GroupIdentifier::groupId).forEach(groups::add);
        String state = instance.state().nameAsString();
        AutoScalingClient autoScaling = world.services().autoScaling(region);
        Optional<AutoScalingInstanceDetails> member = autoScaling.describeAutoScalingInstances(
                        DescribeAutoScalingInstancesRequest.builder().instanceIds(instanceId).build())
                .autoScalingInstances().stream().findFirst();
        Instant readyAt;
        if (member.isPresent()) {
            readyAt = launchCompletedAt(autoScaling, member.get().autoScalingGroupName(), instanceId);
        } else {
            readyAt = state.equals("running") ? instance.launchTime().plus(ModeledDurations.INSTANCE_BOOT) : null;
        }
        return Optional.of(new InstanceView(state, readyAt, groups));
    }

    private Optional<Instance> ec2Instance(String instanceId) {
        try {
            return world.services().ec2(region)
                    .describeInstances(DescribeInstancesRequest.builder().instanceIds(instanceId).build())
                    .reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .findFirst();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (code.startsWith("InvalidInstanceID")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The end of the successful "Launching a new EC2 instance: i-..." activity, or null while it runs. */
    private static Instant launchCompletedAt(AutoScalingClient autoScaling, String groupName, String instanceId) {
        String token = null;
        do {
            DescribeScalingActivitiesResponse page = autoScaling.describeScalingActivities(
                    DescribeScalingActivitiesRequest.builder()
                            .autoScalingGroupName(groupName)
                            .nextToken(token)
                            .build());
            for (Activity activity : page.activities()) {
                if (activity.description().startsWith("Launching") && activity.description().endsWith(instanceId)
                        && "Successful".equals(activity.statusCodeAsString())) {
                    return activity.endTime();
                }
            }
            token = page.nextToken();
        } while (token != null);
        return null;
    }
}
