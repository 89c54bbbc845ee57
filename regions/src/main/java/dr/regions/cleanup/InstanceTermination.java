package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.List;

/**
 * An instance (bastion, image builder, or an Auto Scaling member the group's deletion is already terminating):
 * TerminateInstances, then wait until {@code terminated}: a shutting-down instance still holds its subnet, its
 * security groups and its public address.
 */
final class InstanceTermination extends DeletionStep {
    InstanceTermination(DeletionTarget target) {
        super(target, ModeledDurations.INSTANCE_TERMINATE);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        List<Instance> found = ec2.describeInstances(r -> r.instanceIds(target().id())).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
        String state = found.isEmpty() ? "terminated" : found.get(0).state().nameAsString();
        switch (state) {
            case "terminated" -> {
                return gone();
            }
            case "shutting-down" -> {
                return StepResult.waiting("shutting-down");
            }
            default -> {
                ec2.terminateInstances(r -> r.instanceIds(target().id()));
                return StepResult.waiting("shutting-down");
            }
        }
    }
}
