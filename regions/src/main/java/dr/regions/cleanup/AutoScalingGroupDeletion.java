package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

import java.util.List;
import java.util.Set;

/**
 * An Auto Scaling group: DeleteAutoScalingGroup with ForceDelete (its instances are terminated with it), then
 * wait until the group is gone, which Auto Scaling does only once its instances are terminated.
 */
final class AutoScalingGroupDeletion extends DeletionStep {
    AutoScalingGroupDeletion(DeletionTarget target) {
        super(target, ModeledDurations.INSTANCE_TERMINATE.plus(ModeledDurations.ASG_DELETE));
    }

    @Override
    protected StepResult advance(StepContext context) {
        AutoScalingClient autoScaling = target().clients().autoScaling(target().region());
        List<AutoScalingGroup> groups = autoScaling.describeAutoScalingGroups(
                r -> r.autoScalingGroupNames(target().id())).autoScalingGroups();
        if (groups.isEmpty()) {
            return gone();
        }
        if (groups.get(0).status() != null) {
            return StepResult.waiting(groups.get(0).status());
        }
        autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(target().id()).forceDelete(true));
        return StepResult.waiting("Delete in progress");
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("ScalingActivityInProgress", "ResourceInUse");
    }
}
