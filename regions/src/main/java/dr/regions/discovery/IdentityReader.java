package dr.regions.discovery;

import dr.regions.identity.IdentityRoles;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's IAM roles and instance profiles (global): those under dr's path ({@link IdentityRoles#PATH}) whose tags
 * name the stack. IAM's lists carry no tags ("This operation does not return ... Tags", ListRoles), so each candidate's
 * tags are read (ListRoleTags, ListInstanceProfileTags).
 */
final class IdentityReader {
    private final IamClient iam;
    private final StackTag stack;

    IdentityReader(IamClient iam, StackTag stack) {
        this.iam = iam;
        this.stack = stack;
    }

    List<StackResource> read() {
        List<StackResource> found = new ArrayList<>();
        for (Role role : iam.listRolesPaginator(r -> r.pathPrefix(IdentityRoles.PATH)).roles()) {
            Map<String, String> tags = new LinkedHashMap<>();
            iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.IAM_ROLE, StackResource.GLOBAL, role.roleName(), tags)
                        .with(Attributes.ARN, role.arn()).build());
            }
        }
        for (InstanceProfile profile : iam.listInstanceProfilesPaginator(r -> r.pathPrefix(IdentityRoles.PATH))
                .instanceProfiles()) {
            Map<String, String> tags = new LinkedHashMap<>();
            iam.listInstanceProfileTags(r -> r.instanceProfileName(profile.instanceProfileName())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.INSTANCE_PROFILE, StackResource.GLOBAL,
                        profile.instanceProfileName(), tags).with(Attributes.ARN, profile.arn()).build());
            }
        }
        return found;
    }
}
