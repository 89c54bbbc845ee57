package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** Turns the fake's state into the SDK's response objects, shaped as AWS returns them. */
final class AsgModel {
    static final String DELETE_IN_PROGRESS = "Delete in progress";
    static final String RESOURCE_TYPE = "auto-scaling-group";

    private AsgModel() {
    }

    static AutoScalingGroup group(AutoScalingState.Group group, Instant now) {
        return AutoScalingGroup.builder()
                .autoScalingGroupName(group.name)
                .autoScalingGroupARN(group.arn)
                .launchTemplate(launchTemplate(group.launchTemplate))
                .minSize(group.minSize)
                .maxSize(group.maxSize)
                .desiredCapacity(group.desiredCapacity)
                .defaultCooldown(group.defaultCooldown)
                .availabilityZones(List.copyOf(new LinkedHashSet<>(group.subnetZones.values())))
                .loadBalancerNames(List.of())
                .targetGroupARNs(group.targetGroupArns)
                .healthCheckType(group.healthCheckType)
                .healthCheckGracePeriod(group.healthCheckGracePeriod)
                .instances(group.instances.values().stream().map(i -> instance(i, now)).toList())
                .createdTime(group.createdAt)
                .suspendedProcesses(List.of())
                .vpcZoneIdentifier(String.join(",", group.subnetZones.keySet()))
                .enabledMetrics(List.of())
                .status(group.deletingSince == null ? null : DELETE_IN_PROGRESS)
                .tags(tags(group))
                .terminationPolicies("Default")
                .newInstancesProtectedFromScaleIn(false)
                .serviceLinkedRoleARN("arn:aws:iam::" + World.ACCOUNT_ID
                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")
                .build();
    }

    static List<TagDescription> tags(AutoScalingState.Group group) {
        return group.tags.stream().map(tag -> tag(group, tag)).toList();
    }

    static TagDescription tag(AutoScalingState.Group group, AutoScalingState.Tag tag) {
        return TagDescription.builder()
                .resourceId(group.name)
                .resourceType(RESOURCE_TYPE)
                .key(tag.key())
                .value(tag.value())
                .propagateAtLaunch(tag.propagateAtLaunch())
                .build();
    }

    static Instance instance(AutoScalingState.Instance instance, Instant now) {
        return Instance.builder()
                .instanceId(instance.id)
                .availabilityZone(instance.availabilityZone)
                .lifecycleState(instance.lifecycle.stateAt(now))
                .healthStatus("Healthy")
                .launchTemplate(launchTemplate(instance.launchTemplate))
                .protectedFromScaleIn(false)
                .build();
    }

    /** DescribeAutoScalingInstances spells health in capitals, unlike DescribeAutoScalingGroups. */
    static AutoScalingInstanceDetails instanceDetails(AutoScalingState.Group group, AutoScalingState.Instance instance,
                                                      Instant now) {
        return AutoScalingInstanceDetails.builder()
                .instanceId(instance.id)
                .autoScalingGroupName(group.name)
                .availabilityZone(instance.availabilityZone)
                .lifecycleState(instance.lifecycle.stateAt(now))
                .healthStatus("HEALTHY")
                .launchTemplate(launchTemplate(instance.launchTemplate))
                .protectedFromScaleIn(false)
                .build();
    }

    static Activity activity(AutoScalingState.Group group, AutoScalingState.Activity activity, Instant now) {
        boolean done = !activity.endTime.isAfter(now);
        String status = activity.failure != null ? "Failed" : done ? "Successful" : "InProgress";
        return Activity.builder()
                .activityId(activity.id)
                .autoScalingGroupName(group.name)
                .autoScalingGroupARN(group.arn)
                .description(activity.description)
                .cause(activity.cause)
                .startTime(activity.startTime)
                .endTime(done ? activity.endTime : null)
                .statusCode(status)
                .statusMessage(activity.failure)
                .progress(done ? 100 : 50)
                .details("{}")
                .build();
    }

    private static LaunchTemplateSpecification launchTemplate(AutoScalingState.LaunchTemplateRef ref) {
        return LaunchTemplateSpecification.builder()
                .launchTemplateId(ref.id())
                .launchTemplateName(ref.name())
                .version(ref.version())
                .build();
    }
}
