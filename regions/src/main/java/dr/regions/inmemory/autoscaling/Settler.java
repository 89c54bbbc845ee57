package dr.regions.inmemory.autoscaling;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.World;

import java.time.Instant;
import java.util.List;

/**
 * Applies what modeled time has completed, at the start of every Auto Scaling call so each answer reflects the
 * modeled now: terminated instances leave their group; a group short of capacity after a failed launch tries
 * again once its retry time has come; a group being deleted goes away once its instances are gone and its short
 * "Delete in progress" window has passed.
 */
final class Settler {
    private final World world;
    private final AutoScalingState state;
    private final Scaler scaler;

    Settler(World world, String region, AutoScalingState state) {
        this.world = world;
        this.state = state;
        this.scaler = new Scaler(world, new SiblingServices(world, region));
    }

    void settle() {
        Instant now = world.time();
        for (AutoScalingState.Group group : List.copyOf(state.groups.values())) {
            for (AutoScalingState.Instance instance : List.copyOf(group.instances.values())) {
                if (instance.lifecycle.reached(Scaler.TERMINATED, now)) {
                    group.instances.remove(instance.id);
                }
            }
            if (group.deletingSince == null && group.launchRetryAt != null && !now.isBefore(group.launchRetryAt)) {
                scaler.scaleToDesired(group, "At " + now + " an instance was started in response to a difference "
                        + "between desired and actual capacity, increasing the capacity from "
                        + scaler.active(group).size() + " to " + group.desiredCapacity + ".");
            }
            if (group.deletingSince != null && group.instances.isEmpty()
                    && !now.isBefore(group.deletingSince.plus(ModeledDurations.ASG_DELETE))) {
                state.groups.remove(group.name);
            }
        }
    }
}
