package dr.regions.discovery;

import dr.core.model.Tags;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stack's Auto Scaling groups in one region (DescribeAutoScalingGroups with a {@code tag:} filter). */
final class AutoScalingReader {
    static final String DELETING = "deleting";

    private final AutoScalingClient autoScaling;
    private final String region;
    private final StackTag stack;
    private final Map<String, String> groupOfInstance = new LinkedHashMap<>();

    AutoScalingReader(AutoScalingClient autoScaling, String region, StackTag stack) {
        this.autoScaling = autoScaling;
        this.region = region;
        this.stack = stack;
    }

    List<StackResource> read() {
        Filter byStack = Filter.builder().name("tag:" + Tags.STACK).values(stack.stack()).build();
        List<StackResource> found = new ArrayList<>();
        for (AutoScalingGroup group : autoScaling.describeAutoScalingGroupsPaginator(r -> r.filters(byStack))
                .autoScalingGroups()) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (TagDescription tag : group.tags()) {
                tags.put(tag.key(), tag.value());
            }
            if (!stack.marks(tags)) {
                continue;
            }
            group.instances().stream().map(Instance::instanceId)
                    .forEach(id -> groupOfInstance.put(id, group.autoScalingGroupName()));
            String state = group.status() == null ? "active" : DELETING;
            found.add(StackResource.of(ResourceKind.AUTO_SCALING_GROUP, region, group.autoScalingGroupName(), tags)
                    .state(state).with(Attributes.ARN, group.autoScalingGroupARN())
                    .with("desiredCapacity", group.desiredCapacity())
                    .with("instances", group.instances().size()).build());
        }
        return found;
    }

    /** Instance id → group name, for the groups {@link #read} found. */
    Map<String, String> groupOfInstance() {
        return groupOfInstance;
    }
}
