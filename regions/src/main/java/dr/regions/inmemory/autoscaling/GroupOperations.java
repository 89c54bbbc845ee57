package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateAutoScalingGroup, UpdateAutoScalingGroup, SetDesiredCapacity and DeleteAutoScalingGroup. */
final class GroupOperations {
    private static final Set<String> HEALTH_CHECK_TYPES = Set.of("EC2", "ELB", "VPC_LATTICE", "EBS");
    private static final int MAX_NAME = 255;

    private final World world;
    private final String region;
    private final AutoScalingState state;
    private final SiblingServices siblings;
    private final Scaler scaler;

    GroupOperations(World world, String region, AutoScalingState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.siblings = new SiblingServices(world, region);
        this.scaler = new Scaler(world, siblings);
    }

    CreateAutoScalingGroupResponse create(CreateAutoScalingGroupRequest request) {
        String name = request.autoScalingGroupName();
        if (name == null) {
            throw AsgErrors.missing("autoScalingGroupName");
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw AsgErrors.validation(ValidationMessage.of("autoScalingGroupName", name,
                    "Member must have length between 1 and " + MAX_NAME));
        }
        if (state.groups.containsKey(name)) {
            throw AsgErrors.alreadyExists(name);
        }
        if (request.launchConfigurationName() != null || request.mixedInstancesPolicy() != null
                || request.instanceId() != null) {
            throw new UnsupportedOperationException("only launch templates are modeled as a launch source");
        }
        if (request.launchTemplate() == null) {
            throw AsgErrors.validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, "
                    + "InstanceId or MixedInstancesPolicy parameter.");
        }
        if (request.minSize() == null) {
            throw AsgErrors.missing("minSize");
        }
        if (request.maxSize() == null) {
            throw AsgErrors.missing("maxSize");
        }
        int desired = request.desiredCapacity() == null ? request.minSize() : request.desiredCapacity();
        checkCapacity(request.minSize(), request.maxSize(), desired);
        AutoScalingState.LaunchTemplateRef template = launchTemplate(request.launchTemplate());
        Map<String, String> subnetZones = subnets(request.vpcZoneIdentifier());
        List<String> targetGroups = request.hasTargetGroupARNs() ? List.copyOf(request.targetGroupARNs()) : List.of();
        siblings.requireTargetGroups(targetGroups);
        String healthCheckType = healthCheckType(request.healthCheckType());
        List<AutoScalingState.Tag> tags = new ArrayList<>();
        AsgTags.merge(tags, AsgTags.parse(request.tags()));

        AutoScalingState.Group group = new AutoScalingState.Group();
        group.name = name;
        group.arn = world.arn("autoscaling", region, "autoScalingGroup:" + world.ids.uuid()
                + ":autoScalingGroupName/" + name);
        group.launchTemplate = template;
        group.minSize = request.minSize();
        group.maxSize = request.maxSize();
        group.desiredCapacity = desired;
        if (request.defaultCooldown() != null) {
            group.defaultCooldown = request.defaultCooldown();
        }
        group.subnetZones = subnetZones;
        group.targetGroupArns = new ArrayList<>(targetGroups);
        group.healthCheckType = healthCheckType;
        group.healthCheckGracePeriod = gracePeriod(request.healthCheckGracePeriod(), 0);
        group.createdAt = world.time();
        group.tags = tags;
        state.groups.put(name, group);
        world.faults().created(group.arn);
        scaler.scaleToDesired(group, "At " + world.time() + " a user request created an AutoScalingGroup changing "
                + "the desired capacity from 0 to " + desired + ".");
        return CreateAutoScalingGroupResponse.builder().build();
    }

    /**
     * As AWS documents: a new MinSize above the desired capacity raises it, a new MaxSize below lowers it, when no
     * DesiredCapacity is given.
     */
    UpdateAutoScalingGroupResponse update(UpdateAutoScalingGroupRequest request) {
        AutoScalingState.Group group = live(request.autoScalingGroupName());
        int min = request.minSize() == null ? group.minSize : request.minSize();
        int max = request.maxSize() == null ? group.maxSize : request.maxSize();
        int desired = group.desiredCapacity;
        if (request.desiredCapacity() != null) {
            desired = request.desiredCapacity();
        } else {
            desired = Math.min(Math.max(desired, min), max);
        }
        checkCapacity(min, max, desired);
        AutoScalingState.LaunchTemplateRef template = request.launchTemplate() == null ? group.launchTemplate
                : launchTemplate(request.launchTemplate());
        Map<String, String> subnetZones = request.vpcZoneIdentifier() == null ? group.subnetZones
                : subnets(request.vpcZoneIdentifier());
        String healthCheckType = request.healthCheckType() == null ? group.healthCheckType
                : healthCheckType(request.healthCheckType());
        int gracePeriod = gracePeriod(request.healthCheckGracePeriod(), group.healthCheckGracePeriod);

        int previous = group.desiredCapacity;
        group.minSize = min;
        group.maxSize = max;
        group.desiredCapacity = desired;
        group.launchTemplate = template;
        group.subnetZones = subnetZones;
        group.healthCheckType = healthCheckType;
        group.healthCheckGracePeriod = gracePeriod;
        if (request.defaultCooldown() != null) {
            group.defaultCooldown = request.defaultCooldown();
        }
        scaler.scaleToDesired(group, "At " + world.time() + " a user request update of AutoScalingGroup constraints "
                + "to min: " + min + ", max: " + max + ", desired: " + desired + " changing the desired capacity from "
                + previous + " to " + desired + ".");
        return UpdateAutoScalingGroupResponse.builder().build();
    }

    SetDesiredCapacityResponse setDesiredCapacity(SetDesiredCapacityRequest request) {
        AutoScalingState.Group group = live(request.autoScalingGroupName());
        if (request.desiredCapacity() == null) {
            throw AsgErrors.missing("desiredCapacity");
        }
        int desired = request.desiredCapacity();
        if (desired > group.maxSize) {
            throw AsgErrors.validation("New SetDesiredCapacity value " + desired + " is above max value "
                    + group.maxSize + " for the AutoScalingGroup.");
        }
        if (desired < group.minSize) {
            throw AsgErrors.validation("New SetDesiredCapacity value " + desired + " is below min value "
                    + group.minSize + " for the AutoScalingGroup.");
        }
        int previous = group.desiredCapacity;
        group.desiredCapacity = desired;
        scaler.scaleToDesired(group, "At " + world.time() + " a user request explicitly set group desired capacity "
                + "changing the desired capacity from " + previous + " to " + desired + ".");
        return SetDesiredCapacityResponse.builder().build();
    }

    /**
     * Without ForceDelete AWS refuses while instances remain: ScalingActivityInProgress while some are launching or
     * terminating, ResourceInUse otherwise. With it, every instance is terminated and the group goes away after.
     */
    DeleteAutoScalingGroupResponse delete(DeleteAutoScalingGroupRequest request) {
        AutoScalingState.Group group = existing(request.autoScalingGroupName());
        if (group.deletingSince != null) {
            return DeleteAutoScalingGroupResponse.builder().build();
        }
        boolean force = Boolean.TRUE.equals(request.forceDelete());
        if (!force && !group.instances.isEmpty()) {
            Instant now = world.time();
            boolean activityInProgress = group.instances.values().stream()
                    .map(i -> i.lifecycle.stateAt(now))
                    .anyMatch(s -> !s.equals(Scaler.IN_SERVICE));
            throw activityInProgress ? AsgErrors.scalingActivityInProgress() : AsgErrors.instancesStillInGroup();
        }
        scaler.terminateAll(group, "At " + world.time() + " a user request deleted the AutoScalingGroup.");
        group.minSize = 0;
        group.maxSize = 0;
        group.desiredCapacity = 0;
        group.deletingSince = world.time();
        return DeleteAutoScalingGroupResponse.builder().build();
    }

    /** A group that exists and is not being deleted. */
    private AutoScalingState.Group live(String name) {
        AutoScalingState.Group group = existing(name);
        if (group.deletingSince != null) {
            throw AsgErrors.validation("The AutoScaling group may not be modified while it is pending delete");
        }
        return group;
    }

    /** A group that exists, being deleted or not. */
    private AutoScalingState.Group existing(String name) {
        if (name == null) {
            throw AsgErrors.missing("autoScalingGroupName");
        }
        AutoScalingState.Group group = state.groups.get(name);
        if (group == null) {
            throw AsgErrors.groupNotFound(name);
        }
        return group;
    }

    private AutoScalingState.LaunchTemplateRef launchTemplate(LaunchTemplateSpecification spec) {
        boolean hasId = spec.launchTemplateId() != null;
        boolean hasName = spec.launchTemplateName() != null;
        if (hasId == hasName) {
            throw AsgErrors.validation("Valid requests must contain either launchTemplateId or LaunchTemplateName");
        }
        SiblingServices.ResolvedTemplate resolved = siblings.launchTemplate(spec);
        return new AutoScalingState.LaunchTemplateRef(resolved.id(), resolved.name(),
                spec.version() == null ? "$Default" : spec.version());
    }

    /** VPCZoneIdentifier: comma-separated subnet ids, each of which must exist. */
    private Map<String, String> subnets(String vpcZoneIdentifier) {
        Set<String> ids = new LinkedHashSet<>();
        if (vpcZoneIdentifier != null) {
            for (String id : vpcZoneIdentifier.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        if (ids.isEmpty()) {
            throw AsgErrors.validation("At least one Availability Zone or VPC Subnet is required.");
        }
        Map<String, String> zones = new LinkedHashMap<>();
        for (String id : ids) {
            String zone = siblings.subnet(id)
                    .orElseThrow(() -> AsgErrors.validation("The subnet ID '" + id + "' does not exist"))
                    .availabilityZone();
            zones.put(id, zone);
        }
        return zones;
    }

    static void checkCapacity(int min, int max, int desired) {
        if (min < 0 || max < 0) {
            throw AsgErrors.validation("1 validation error detected: Value at 'minSize' or 'maxSize' failed to "
                    + "satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (min > max) {
            throw AsgErrors.validation("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
        }
        if (desired < min || desired > max) {
            throw AsgErrors.validation("Desired capacity:" + desired + " must be between the specified min size:" + min
                    + " and max size:" + max);
        }
    }

    private static String healthCheckType(String type) {
        if (type == null) {
            return "EC2";
        }
        if (!HEALTH_CHECK_TYPES.contains(type)) {
            throw AsgErrors.validation("Health check type '" + type + "' is not valid");
        }
        return type;
    }

    private static int gracePeriod(Integer requested, int current) {
        if (requested == null) {
            return current;
        }
        if (requested < 0) {
            throw AsgErrors.validation(ValidationMessage.of("healthCheckGracePeriod", requested,
                    "Member must have value greater than or equal to 0"));
        }
        return requested;
    }
}
