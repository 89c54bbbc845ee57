package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** DescribeAutoScalingGroups, DescribeAutoScalingInstances and DescribeScalingActivities. */
final class GroupQueries {
    private final World world;
    private final AutoScalingState state;

    GroupQueries(World world, AutoScalingState state) {
        this.world = world;
        this.state = state;
    }

    /**
     * Unknown names are left out, not an error; filters: tag:KEY, tag-key, tag-value (API reference). A lookup by
     * name or tag may miss a fresh group once under the eventual-consistency fault.
     */
    DescribeAutoScalingGroupsResponse describeGroups(DescribeAutoScalingGroupsRequest request) {
        List<AutoScalingState.Group> candidates = new ArrayList<>();
        boolean byNames = request.hasAutoScalingGroupNames() && !request.autoScalingGroupNames().isEmpty();
        boolean lookup = byNames || !request.filters().isEmpty();
        if (byNames) {
            for (String name : request.autoScalingGroupNames()) {
                AutoScalingState.Group group = state.groups.get(name);
                if (group != null) {
                    candidates.add(group);
                }
            }
        } else {
            candidates.addAll(state.groups.values());
        }
        List<AutoScalingState.Group> matching = new ArrayList<>();
        for (AutoScalingState.Group group : candidates) {
            if (request.filters().stream().allMatch(f -> matches(group, f))
                    && (!lookup || world.faults().visible(group.arn))) {
                matching.add(group);
            }
        }
        TokenPage<AutoScalingState.Group> page = TokenPage.of(matching, request.nextToken(), request.maxRecords(),
                50, 100);
        Instant now = world.time();
        return DescribeAutoScalingGroupsResponse.builder()
                .autoScalingGroups(page.items().stream().map(g -> AsgModel.group(g, now)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeAutoScalingInstancesResponse describeInstances(DescribeAutoScalingInstancesRequest request) {
        Instant now = world.time();
        List<String> wanted = request.hasInstanceIds() ? request.instanceIds() : List.of();
        List<AutoScalingInstanceDetails> found = new ArrayList<>();
        for (AutoScalingState.Group group : state.groups.values()) {
            for (AutoScalingState.Instance instance : group.instances.values()) {
                if (wanted.isEmpty() || wanted.contains(instance.id)) {
                    found.add(AsgModel.instanceDetails(group, instance, now));
                }
            }
        }
        TokenPage<AutoScalingInstanceDetails> page = TokenPage.of(found, request.nextToken(), request.maxRecords(),
                50, 50);
        return DescribeAutoScalingInstancesResponse.builder()
                .autoScalingInstances(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** Newest first, as AWS lists them. */
    DescribeScalingActivitiesResponse describeActivities(DescribeScalingActivitiesRequest request) {
        Instant now = world.time();
        List<Activity> found = new ArrayList<>();
        List<String> ids = request.hasActivityIds() ? request.activityIds() : List.of();
        for (AutoScalingState.Group group : state.groups.values()) {
            if (request.autoScalingGroupName() != null && !request.autoScalingGroupName().equals(group.name)) {
                continue;
            }
            for (AutoScalingState.Activity activity : group.activities) {
                if (ids.isEmpty() || ids.contains(activity.id)) {
                    found.add(AsgModel.activity(group, activity, now));
                }
            }
        }
        found.sort(Comparator.comparing(Activity::startTime).reversed());
        TokenPage<Activity> page = TokenPage.of(found, request.nextToken(), request.maxRecords(), 100, 100);
        return DescribeScalingActivitiesResponse.builder()
                .activities(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    private static boolean matches(AutoScalingState.Group group, Filter filter) {
        String name = filter.name() == null ? "" : filter.name();
        List<String> values = filter.values();
        if (name.startsWith("tag:")) {
            String key = name.substring("tag:".length());
            return group.tags.stream().anyMatch(t -> t.key().equals(key) && values.contains(t.value()));
        }
        return switch (name) {
            case "tag-key" -> group.tags.stream().anyMatch(t -> values.contains(t.key()));
            case "tag-value" -> group.tags.stream().anyMatch(t -> values.contains(t.value()));
            default -> throw AsgErrors.validation("Filter name '" + name + "' is not valid");
        };
    }
}
