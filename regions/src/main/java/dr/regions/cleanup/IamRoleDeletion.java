package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A stack IAM role. IAM refuses DeleteRole (DeleteConflict) while the role is in an instance profile or has attached
 * or inline policies (IAM API Reference, DeleteRole: "you must first remove those roles from any instance profiles
 * ... detach ... delete ... inline policies"), so the step takes it out of its instance profiles, detaches the managed
 * policies, deletes the inline ones, then the role. Each of those may already be gone after a crash.
 */
final class IamRoleDeletion extends DeletionStep {
    IamRoleDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        IamClient iam = target().clients().iam();
        String name = target().id();
        iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles().stream().toList()
                .forEach(profile -> Quietly.unlessGone(() -> iam.removeRoleFromInstanceProfile(r -> r
                        .instanceProfileName(profile.instanceProfileName()).roleName(name))));
        List<String> attached = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                .stream().map(p -> p.policyArn()).toList();
        attached.forEach(arn -> Quietly.unlessGone(() -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(arn))));
        List<String> inline = iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream().toList();
        inline.forEach(policy -> Quietly.unlessGone(() -> iam.deleteRolePolicy(r -> r.roleName(name)
                .policyName(policy))));
        iam.deleteRole(r -> r.roleName(name));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("DeleteConflict");
    }
}
