package dr.regions.identity;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.StackOwnership;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app tier's instance profile, {@code <stack>-app-profile} under {@link IdentityRoles#PATH}, holding exactly the
 * app role (an instance profile holds one role at most). Found by name (GetInstanceProfile, which answers its roles
 * and tags); an empty profile gets the app role, missing tags are added; a profile holding another role is reported
 * broken rather than changed, since an operator put it there. The app launch templates name it by ARN. One of that name without this stack's tag is not adopted.
 */
public final class InstanceProfileStep extends EnsureStep {
    private final StackSpec spec;
    private final AwsClients clients;
    private InstanceProfile seen;
    private String foreignOwner;
    private String otherRole;

    public InstanceProfileStep(StackSpec spec, AwsClients clients) {
        super(IdentityRoles.APP_PROFILE_KEY, List.of(IdentityRoles.APP_ROLE_KEY), "AWS::IAM::InstanceProfile",
                ModeledDurations.IMMEDIATE);
        this.spec = spec;
        this.clients = clients;
    }

    public String name() {
        return spec.name(IdentityRoles.APP_PROFILE);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        try {
            seen = iam().getInstanceProfile(r -> r.instanceProfileName(name())).instanceProfile();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
        foreignOwner = StackOwnership.foreignOwner(spec.stack(), IamTags.toMap(seen.tags()));
        return Optional.of(seen.instanceProfileName());
    }

    @Override
    protected String create(StepContext context) {
        try {
            seen = iam().createInstanceProfile(r -> r.instanceProfileName(name()).path(IdentityRoles.PATH)
                    .tags(wantedTags())).instanceProfile();
        } catch (EntityAlreadyExistsException e) {
            seen = iam().getInstanceProfile(r -> r.instanceProfileName(name())).instanceProfile();
        }
        return seen.instanceProfileName();
    }

    @Override
    protected boolean converge(StepContext context, String name) {
        if (foreignOwner != null) {
            return false;
        }
        String appRole = context.require(IdentityRoles.APP_ROLE_KEY, "id");
        boolean changed = false;
        List<String> members = seen.roles().stream().map(Role::roleName).toList();
        otherRole = members.stream().filter(member -> !member.equals(appRole)).findFirst().orElse(null);
        if (members.isEmpty()) {
            iam().addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(appRole));
            changed = true;
        }
        return IamTags.addMissing(wantedTags(), seen.tags(),
                missing -> iam().tagInstanceProfile(r -> r.instanceProfileName(name).tags(missing))) || changed;
    }

    @Override
    protected ResourceState readiness(StepContext context, String id) {
        if (foreignOwner != null) {
            return StackOwnership.readiness(foreignOwner, "an instance profile");
        }
        if (otherRole != null) {
            return ResourceState.broken("holds role " + otherRole + " instead of the app role; dr does not swap it. Remove"
                    + " it (aws iam remove-role-from-instance-profile --instance-profile-name " + id + " --role-name "
                    + otherRole + ") and run provision again");
        }
        return ResourceState.ready();
    }

    /** {@code id} (the name) and {@code arn} (what the launch templates take). */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", id, "arn", seen.arn());
    }

    private List<Tag> wantedTags() {
        return AwsTags.iam(Tags.forGlobal(spec.stack(), IdentityRoles.APP_PROFILE));
    }

    private IamClient iam() {
        return clients.iam();
    }
}
