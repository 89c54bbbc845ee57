package dr.regions.inmemory.iam;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.IamState;
import dr.regions.inmemory.world.IamState.InstanceProfile;
import dr.regions.inmemory.world.IamState.Role;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The in-memory IAM service: roles with trust policies, managed and inline policies and tags, and instance profiles.
 * Global: one per account, reached through one client whatever the stack's regions. Policy documents come back
 * URL-encoded, as IAM returns them; list operations leave out what IAM's lists leave out (a role's tags: "This
 * operation does not return ... Tags", ListRoles); new roles and instance profiles may be missed once by a read right
 * after their creation when eventual consistency is switched on.
 */
public final class FakeIam extends FakeClient implements IamClient {
    private final World world;
    private final RoleOperations roles;
    private final InstanceProfileOperations profiles;

    public FakeIam(World world) {
        super(SERVICE_NAME);
        this.world = world;
        this.roles = new RoleOperations(world);
        this.profiles = new InstanceProfileOperations(world, roles);
    }

    @Override
    public CreateRoleResponse createRole(CreateRoleRequest request) {
        Role role = roles.create(request.roleName(), request.path(), request.assumeRolePolicyDocument(),
                request.description(), RoleOperations.toMap(request.tags()));
        return CreateRoleResponse.builder().role(view(role, true)).build();
    }

    @Override
    public GetRoleResponse getRole(GetRoleRequest request) {
        return GetRoleResponse.builder().role(view(roles.read(request.roleName()), true)).build();
    }

    @Override
    public ListRolesResponse listRoles(ListRolesRequest request) {
        IamPage<Role> page = IamPage.of(roles.list(request.pathPrefix()), request.marker(), request.maxItems());
        return ListRolesResponse.builder().roles(page.items().stream().map(r -> view(r, false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest request) {
        roles.updateTrust(request.roleName(), request.policyDocument());
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    @Override
    public DeleteRoleResponse deleteRole(DeleteRoleRequest request) {
        roles.delete(request.roleName());
        return DeleteRoleResponse.builder().build();
    }

    @Override
    public AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest request) {
        roles.attach(request.roleName(), request.policyArn());
        return AttachRolePolicyResponse.builder().build();
    }

    @Override
    public DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest request) {
        roles.detach(request.roleName(), request.policyArn());
        return DetachRolePolicyResponse.builder().build();
    }

    @Override
    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest request) {
        IamPage<AttachedPolicy> page = IamPage.of(roles.attached(request.roleName()), request.marker(),
                request.maxItems());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
        roles.putInline(request.roleName(), request.policyName(), request.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }

    @Override
    public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        String document = roles.inline(request.roleName(), request.policyName());
        return GetRolePolicyResponse.builder().roleName(roles.require(request.roleName()).name)
                .policyName(request.policyName()).policyDocument(PolicyDocuments.encoded(document)).build();
    }

    @Override
    public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
        IamPage<String> page = IamPage.of(new ArrayList<>(roles.require(request.roleName()).inlinePolicies.keySet()),
                request.marker(), request.maxItems());
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    @Override
    public DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
        roles.deleteInline(request.roleName(), request.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }

    @Override
    public TagRoleResponse tagRole(TagRoleRequest request) {
        roles.tag(request.roleName(), request.tags());
        return TagRoleResponse.builder().build();
    }

    @Override
    public UntagRoleResponse untagRole(UntagRoleRequest request) {
        roles.untag(request.roleName(), request.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    @Override
    public ListRoleTagsResponse listRoleTags(ListRoleTagsRequest request) {
        IamPage<Tag> page = IamPage.of(RoleOperations.toTags(roles.require(request.roleName()).tags),
                request.marker(), request.maxItems());
        return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    @Override
    public CreateInstanceProfileResponse createInstanceProfile(CreateInstanceProfileRequest request) {
        InstanceProfile profile = profiles.create(request.instanceProfileName(), request.path(),
                RoleOperations.toMap(request.tags()));
        return CreateInstanceProfileResponse.builder().instanceProfile(view(profile)).build();
    }

    @Override
    public GetInstanceProfileResponse getInstanceProfile(GetInstanceProfileRequest request) {
        return GetInstanceProfileResponse.builder()
                .instanceProfile(view(profiles.read(request.instanceProfileName()))).build();
    }

    @Override
    public ListInstanceProfilesResponse listInstanceProfiles(ListInstanceProfilesRequest request) {
        IamPage<InstanceProfile> page = IamPage.of(profiles.list(request.pathPrefix()), request.marker(),
                request.maxItems());
        return ListInstanceProfilesResponse.builder().instanceProfiles(page.items().stream().map(this::view).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public ListInstanceProfilesForRoleResponse listInstanceProfilesForRole(ListInstanceProfilesForRoleRequest request) {
        IamPage<InstanceProfile> page = IamPage.of(profiles.forRole(request.roleName()), request.marker(),
                request.maxItems());
        return ListInstanceProfilesForRoleResponse.builder()
                .instanceProfiles(page.items().stream().map(this::view).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public AddRoleToInstanceProfileResponse addRoleToInstanceProfile(AddRoleToInstanceProfileRequest request) {
        profiles.addRole(request.instanceProfileName(), request.roleName());
        return AddRoleToInstanceProfileResponse.builder().build();
    }

    @Override
    public RemoveRoleFromInstanceProfileResponse removeRoleFromInstanceProfile(
            RemoveRoleFromInstanceProfileRequest request) {
        profiles.removeRole(request.instanceProfileName(), request.roleName());
        return RemoveRoleFromInstanceProfileResponse.builder().build();
    }

    @Override
    public DeleteInstanceProfileResponse deleteInstanceProfile(DeleteInstanceProfileRequest request) {
        profiles.delete(request.instanceProfileName());
        return DeleteInstanceProfileResponse.builder().build();
    }

    @Override
    public TagInstanceProfileResponse tagInstanceProfile(TagInstanceProfileRequest request) {
        InstanceProfile profile = profiles.require(request.instanceProfileName());
        profile.tags = new TreeMap<>(IamNames.tags(profile.tags, RoleOperations.toMap(request.tags())));
        return TagInstanceProfileResponse.builder().build();
    }

    @Override
    public UntagInstanceProfileResponse untagInstanceProfile(UntagInstanceProfileRequest request) {
        request.tagKeys().forEach(profiles.require(request.instanceProfileName()).tags::remove);
        return UntagInstanceProfileResponse.builder().build();
    }

    @Override
    public ListInstanceProfileTagsResponse listInstanceProfileTags(ListInstanceProfileTagsRequest request) {
        IamPage<Tag> page = IamPage.of(RoleOperations.toTags(profiles.require(request.instanceProfileName()).tags),
                request.marker(), request.maxItems());
        return ListInstanceProfileTagsResponse.builder().tags(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    /** A role as IAM shows it; {@code full} for GetRole/CreateRole (tags included), not for list operations. */
    private static software.amazon.awssdk.services.iam.model.Role view(Role role, boolean full) {
        var builder = software.amazon.awssdk.services.iam.model.Role.builder()
                .path(role.path).roleName(role.name).roleId(role.id).arn(role.arn).createDate(role.createDate)
                .assumeRolePolicyDocument(PolicyDocuments.encoded(role.trustPolicy))
                .description(role.description).maxSessionDuration(role.maxSessionDuration);
        if (full && !role.tags.isEmpty()) {
            builder.tags(RoleOperations.toTags(role.tags));
        }
        return builder.build();
    }

    private software.amazon.awssdk.services.iam.model.InstanceProfile view(InstanceProfile profile) {
        List<software.amazon.awssdk.services.iam.model.Role> members = profile.roles.stream()
                .map(name -> world.iam.roles.get(name)).filter(java.util.Objects::nonNull)
                .map(r -> view(r, false)).toList();
        var builder = software.amazon.awssdk.services.iam.model.InstanceProfile.builder()
                .path(profile.path).instanceProfileName(profile.name).instanceProfileId(profile.id)
                .arn(profile.arn).createDate(profile.createDate).roles(members);
        if (!profile.tags.isEmpty()) {
            builder.tags(RoleOperations.toTags(profile.tags));
        }
        return builder.build();
    }
}
