package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

import java.time.Duration;
import java.util.Set;

/**
 * An IAM instance profile: its role taken out first (IAM refuses DeleteInstanceProfile with DeleteConflict while a
 * role is in it), then the profile. After the launch templates and instances that name it.
 */
final class InstanceProfileDeletion extends DeletionStep {
    InstanceProfileDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        IamClient iam = target().clients().iam();
        String name = target().id();
        for (Role role : iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().roles()) {
            Quietly.unlessGone(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(name)
                    .roleName(role.roleName())));
        }
        iam.deleteInstanceProfile(r -> r.instanceProfileName(name));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("DeleteConflict");
    }
}
