package dr.regions.promotion;

import dr.core.DrException;
import dr.core.engine.StepResult;
import dr.core.model.Capacity;
import dr.regions.compute.ComputeRoles;
import dr.regions.compute.AutoScalingGroups;
import dr.regions.topology.Tier;
import dr.regions.step.Deleting;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scales the DR Auto Scaling groups (web and app) from warm standby to the primary's capacity: min, desired and
 * max set to the primary's (UpdateAutoScalingGroup, only for a group not sized so already), then waits until each
 * has that many instances InService.
 */
public final class ComputeScaleUp {
    static final String IN_SERVICE = "InService";
    static final Duration POLL = Duration.ofSeconds(15);

    private final PromotionTarget target;
    private final List<String> resized = new ArrayList<>();

    public ComputeScaleUp(PromotionTarget target) {
        this.target = target;
    }

    public StepResult ensure() {
        Capacity capacity = target.primaryCapacity();
        List<String> waitingFor = new ArrayList<>();
        Map<String, Object> groups = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            String name = target.settings().name(ComputeRoles.autoScalingGroup(tier));
            AutoScalingGroup group = AutoScalingGroups.named(autoScaling(), name, Deleting.ABSENT)
                    .orElseThrow(() -> DrException.failed("Auto Scaling group " + name + " is missing in "
                            + target.drRegion() + "; run dr provision"));
            if (!sized(group, capacity)) {
                autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(capacity.min())
                        .maxSize(capacity.max()).desiredCapacity(capacity.desired()));
                resized.add(name + " " + group.minSize() + "/" + group.desiredCapacity() + "/" + group.maxSize()
                        + " -> " + capacity.min() + "/" + capacity.desired() + "/" + capacity.max());
                waitingFor.add(name + " resized");
                continue;
            }
            long inService = inService(group);
            groups.put(name, Map.of("min", group.minSize(), "desired", group.desiredCapacity(),
                    "max", group.maxSize(), "inService", inService));
            if (inService < capacity.desired()) {
                waitingFor.add(name + " " + inService + "/" + capacity.desired() + " InService");
            }
        }
        if (!waitingFor.isEmpty()) {
            return StepResult.waiting(String.join(", ", waitingFor), POLL);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("capacity", Map.of("min", capacity.min(), "desired", capacity.desired(), "max", capacity.max()));
        outputs.put("groups", groups);
        outputs.put("resized", List.copyOf(resized));
        return StepResult.ran("DR web and app at " + capacity.desired() + " InService each (min " + capacity.min()
                + ", max " + capacity.max() + ")" + (resized.isEmpty() ? ", already sized" : ""), outputs);
    }

    /**
     * What {@link #ensure} leaves true, looked at without changing anything: empty when both DR groups are at the
     * primary's capacity with that many instances InService; else what falls short.
     */
    public Optional<String> unmet() {
        Capacity capacity = target.primaryCapacity();
        List<String> shortOf = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            String name = target.settings().name(ComputeRoles.autoScalingGroup(tier));
            Optional<AutoScalingGroup> group = AutoScalingGroups.named(autoScaling(), name, Deleting.ABSENT);
            if (group.isEmpty()) {
                shortOf.add(name + " is missing");
            } else if (!sized(group.get(), capacity)) {
                shortOf.add(name + " is at " + group.get().minSize() + "/" + group.get().desiredCapacity() + "/"
                        + group.get().maxSize() + ", not " + capacity.min() + "/" + capacity.desired() + "/"
                        + capacity.max());
            } else if (inService(group.get()) < capacity.desired()) {
                shortOf.add(name + " has " + inService(group.get()) + "/" + capacity.desired() + " InService");
            }
        }
        return shortOf.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", shortOf));
    }

    private static boolean sized(AutoScalingGroup group, Capacity capacity) {
        return group.minSize() == capacity.min() && group.desiredCapacity() == capacity.desired()
                && group.maxSize() == capacity.max();
    }

    private static long inService(AutoScalingGroup group) {
        return group.instances().stream().map(Instance::lifecycleStateAsString).filter(IN_SERVICE::equals).count();
    }

    private AutoScalingClient autoScaling() {
        return target.clients().autoScaling(target.drRegion());
    }
}
