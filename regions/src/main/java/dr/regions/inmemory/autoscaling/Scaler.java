package dr.regions.inmemory.autoscaling;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a group's instance count to its desired capacity, as Auto Scaling does through EC2:
 * <ul>
 * <li>launches (EC2 RunInstances from the group's launch template) into the least-populated availability zone and
 *     registers the instance in the group's target groups; the instance is Pending, then InService;</li>
 * <li>terminates from the most-populated zone, oldest first: deregisters it, EC2 TerminateInstances, and the
 *     instance stays Terminating for the target groups' connection draining plus the shutdown;</li>
 * <li>a launch EC2 refuses (an AMI that is gone, say) is a failed scaling activity; Auto Scaling tries again
 *     after {@link ModeledDurations#ASG_LAUNCH_RETRY}.</li>
 * </ul>
 */
final class Scaler {
    static final String PENDING = "Pending";
    static final String IN_SERVICE = "InService";
    static final String TERMINATING = "Terminating";
    static final String TERMINATED = "Terminated";

    private final World world;
    private final SiblingServices siblings;

    Scaler(World world, SiblingServices siblings) {
        this.world = world;
        this.siblings = siblings;
    }

    void scaleToDesired(AutoScalingState.Group group, String cause) {
        group.launchRetryAt = null;
        int difference = group.desiredCapacity - active(group).size();
        if (difference > 0) {
            SiblingServices.ResolvedTemplate template;
            try {
                template = siblings.launchTemplate(group.launchTemplate);
            } catch (AwsServiceException e) {
                recordLaunchFailure(group, e, cause);
                return;
            }
            for (int i = 0; i < difference; i++) {
                if (!launch(group, template, cause)) {
                    return;
                }
            }
        } else if (difference < 0) {
            for (int i = 0; i < -difference; i++) {
                terminate(group, pickForTermination(group), cause);
            }
        }
    }

    void terminateAll(AutoScalingState.Group group, String cause) {
        group.launchRetryAt = null;
        for (AutoScalingState.Instance instance : active(group)) {
            terminate(group, instance, cause);
        }
    }

    /** Instances that count toward capacity: launched and not being terminated. */
    List<AutoScalingState.Instance> active(AutoScalingState.Group group) {
        Instant now = world.time();
        return group.instances.values().stream()
                .filter(i -> !i.lifecycle.reached(TERMINATING, now))
                .toList();
    }

    private boolean launch(AutoScalingState.Group group, SiblingServices.ResolvedTemplate template, String cause) {
        Instant now = world.time();
        Map.Entry<String, String> subnet = leastPopulatedSubnet(group);
        String instanceId;
        try {
            instanceId = siblings.runInstance(template, subnet.getKey(), propagatedTags(group));
        } catch (AwsServiceException e) {
            recordLaunchFailure(group, e, cause);
            return false;
        }
        AutoScalingState.Instance instance = new AutoScalingState.Instance();
        instance.id = instanceId;
        instance.subnetId = subnet.getKey();
        instance.availabilityZone = subnet.getValue();
        instance.launchTemplate = new AutoScalingState.LaunchTemplateRef(template.id(), template.name(),
                template.version());
        instance.launchedAt = now;
        instance.lifecycle = Timeline.startingAt(now, PENDING)
                .then(IN_SERVICE, ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        group.instances.put(instance.id, instance);
        recordActivity(group, "Launching a new EC2 instance: " + instance.id, cause, now,
                instance.lifecycle.enteredAt(IN_SERVICE), null);
        for (String targetGroupArn : List.copyOf(group.targetGroupArns)) {
            siblings.register(targetGroupArn, instance.id);
        }
        return true;
    }

    private void terminate(AutoScalingState.Group group, AutoScalingState.Instance instance, String cause) {
        Instant now = world.time();
        long drainSeconds = 0;
        for (String targetGroupArn : List.copyOf(group.targetGroupArns)) {
            drainSeconds = Math.max(drainSeconds, siblings.deregistrationDelaySeconds(targetGroupArn));
            siblings.deregister(targetGroupArn, instance.id);
        }
        siblings.terminateInstance(instance.id);
        instance.lifecycle.restart(now, TERMINATING)
                .then(TERMINATED, Duration.ofSeconds(drainSeconds).plus(ModeledDurations.INSTANCE_TERMINATE));
        recordActivity(group, "Terminating EC2 instance: " + instance.id, cause, now,
                instance.lifecycle.enteredAt(TERMINATED), null);
    }

    /** AWS records "Launching a new EC2 instance. Status Reason: ... Launching EC2 instance failed." */
    private void recordLaunchFailure(AutoScalingState.Group group, AwsServiceException e, String cause) {
        Instant now = world.time();
        String reason = (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                + " Launching EC2 instance failed.";
        recordActivity(group, "Launching a new EC2 instance.  Status Reason: " + reason, cause, now, now, reason);
        group.launchRetryAt = now.plus(ModeledDurations.ASG_LAUNCH_RETRY);
    }

    private static Map<String, String> propagatedTags(AutoScalingState.Group group) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (AutoScalingState.Tag tag : group.tags) {
            if (tag.propagateAtLaunch()) {
                tags.put(tag.key(), tag.value());
            }
        }
        return tags;
    }

    private AutoScalingState.Instance pickForTermination(AutoScalingState.Group group) {
        List<AutoScalingState.Instance> crowded = byZone(group).values().stream()
                .max(Comparator.comparingInt(List::size))
                .orElseThrow();
        return crowded.stream().min(Comparator.comparing((AutoScalingState.Instance i) -> i.launchedAt)).orElseThrow();
    }

    private Map.Entry<String, String> leastPopulatedSubnet(AutoScalingState.Group group) {
        String zone = byZone(group).entrySet().stream()
                .filter(e -> group.subnetZones.containsValue(e.getKey()))
                .min(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey)
                .orElseThrow();
        return group.subnetZones.entrySet().stream()
                .filter(e -> e.getValue().equals(zone))
                .findFirst()
                .orElseThrow();
    }

    /** Active instances per availability zone, the group's zones first in subnet order. */
    private Map<String, List<AutoScalingState.Instance>> byZone(AutoScalingState.Group group) {
        Map<String, List<AutoScalingState.Instance>> byZone = new LinkedHashMap<>();
        for (String zone : group.subnetZones.values()) {
            byZone.putIfAbsent(zone, new ArrayList<>());
        }
        for (AutoScalingState.Instance instance : active(group)) {
            byZone.computeIfAbsent(instance.availabilityZone, z -> new ArrayList<>()).add(instance);
        }
        return byZone;
    }

    private void recordActivity(AutoScalingState.Group group, String description, String cause, Instant start,
                                Instant end, String failure) {
        AutoScalingState.Activity activity = new AutoScalingState.Activity();
        activity.id = world.ids.uuid();
        activity.description = description;
        activity.cause = cause;
        activity.startTime = start;
        activity.endTime = end;
        activity.failure = failure;
        group.activities.add(activity);
    }
}
