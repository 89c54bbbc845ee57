package dr.regions.inmemory.iam;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.IamState;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;
import software.amazon.awssdk.services.iam.model.Role;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IAM fake against the IAM API Reference (https://docs.aws.amazon.com/IAM/latest/APIReference/, each operation's
 * "Errors" section; statuses as DefaultIamClient registers them).
 */
class FakeIamTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"backup.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String BACKUP_POLICY =
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup";
    private static final String CONNECT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"rds-db:connect\",\"Resource\":\"arn:aws:rds-db:us-east-1:123456789012:dbuser:db-X/app\"}]}";

    private final InMemoryCloud cloud = new InMemoryCloud();
    private final IamClient iam = cloud.iam();

    private Role role(String name) {
        return iam.createRole(r -> r.roleName(name).path("/dr/").assumeRolePolicyDocument(TRUST)
                .tags(t -> t.key("dr:stack").value("shop"))).role();
    }

    private static void assertRefused(ThrowingCallable call, Class<? extends AwsServiceException> type, int status,
                                      String code, String message) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            AwsServiceException error = (AwsServiceException) e;
            assertThat(error.statusCode()).isEqualTo(status);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(error.awsErrorDetails().errorMessage()).contains(message);
        });
    }

    /** CreateRole: "EntityAlreadyExists ... HTTP Status Code: 409"; role names are not distinguished by case. */
    @Test
    void aRoleNameIsUniqueRegardlessOfCase() {
        Role role = role("shop-backup-role");

        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/dr/shop-backup-role");
        assertThat(role.roleId()).startsWith("AROA").hasSize(21);
        assertRefused(() -> role("SHOP-BACKUP-ROLE"), EntityAlreadyExistsException.class, 409,
                "EntityAlreadyExists", "Role with name SHOP-BACKUP-ROLE already exists.");
    }

    /** GetRole: "NoSuchEntity ... HTTP Status Code: 404". */
    @Test
    void anUnknownRoleIsNoSuchEntity() {
        assertRefused(() -> iam.getRole(r -> r.roleName("nobody")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The role with name nobody cannot be found.");
    }

    /**
     * "Policies returned by this operation are URL-encoded compliant with RFC 3986" (GetRole, GetRolePolicy); the Java
     * SDK does not decode them (aws-sdk-java issue 730, aws-sdk-java-v2 issue 4229).
     */
    @Test
    void policyDocumentsComeBackUrlEncoded() {
        role("shop-app-role");
        iam.putRolePolicy(r -> r.roleName("shop-app-role").policyName("rds-db-connect").policyDocument(CONNECT));

        String trust = iam.getRole(r -> r.roleName("shop-app-role")).role().assumeRolePolicyDocument();
        String inline = iam.getRolePolicy(r -> r.roleName("shop-app-role").policyName("rds-db-connect"))
                .policyDocument();

        assertThat(trust).startsWith("%7B%22Version%22").doesNotContain("{");
        assertThat(URLDecoder.decode(trust, StandardCharsets.UTF_8)).isEqualTo(TRUST);
        assertThat(URLDecoder.decode(inline, StandardCharsets.UTF_8)).isEqualTo(CONNECT);
    }

    /** ListRoles: "This operation does not return the following attributes ...: PermissionsBoundary, RoleLastUsed, Tags". */
    @Test
    void listedRolesCarryNoTagsButGetRoleAndListRoleTagsDo() {
        role("shop-backup-role");
        iam.createRole(r -> r.roleName("elsewhere").assumeRolePolicyDocument(TRUST));

        ListRolesResponse listed = iam.listRoles(r -> r.pathPrefix("/dr/"));

        assertThat(listed.roles()).extracting(Role::roleName).containsExactly("shop-backup-role");
        assertThat(listed.roles().get(0).hasTags()).isFalse();
        assertThat(iam.getRole(r -> r.roleName("shop-backup-role")).role().tags())
                .anySatisfy(t -> assertThat(t.key()).isEqualTo("dr:stack"));
        assertThat(iam.listRoleTags(r -> r.roleName("shop-backup-role")).tags()).hasSize(1);
    }

    /** ListRoles with MaxItems: IsTruncated and a Marker to pass back ("Using pagination"). */
    @Test
    void listsArePagedWithAMarker() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            iam.createRole(r -> r.roleName("role-" + n).path("/dr/").assumeRolePolicyDocument(TRUST));
        }
        ListRolesResponse first = iam.listRoles(r -> r.pathPrefix("/dr/").maxItems(2));
        ListRolesResponse second = iam.listRoles(r -> r.pathPrefix("/dr/").maxItems(2).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(iam.listRolesPaginator(r -> r.pathPrefix("/dr/").maxItems(1)).roles()).hasSize(3);
    }

    /**
     * DeleteRole: "Unlike the AWS Management Console, when you delete a role programmatically, you must delete the items
     * attached to the role manually": DeleteConflict (409) while it is in an instance profile or has policies.
     */
    @Test
    void aRoleWithPoliciesOrInAnInstanceProfileCannotBeDeleted() {
        role("shop-app-role");
        iam.attachRolePolicy(r -> r.roleName("shop-app-role").policyArn(BACKUP_POLICY));
        iam.putRolePolicy(r -> r.roleName("shop-app-role").policyName("p").policyDocument(CONNECT));
        iam.createInstanceProfile(r -> r.instanceProfileName("shop-app-profile").path("/dr/"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("shop-app-profile").roleName("shop-app-role"));

        assertRefused(() -> iam.deleteRole(r -> r.roleName("shop-app-role")), DeleteConflictException.class, 409,
                "DeleteConflict", "must remove roles from instance profile first");
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("shop-app-profile").roleName("shop-app-role"));
        assertRefused(() -> iam.deleteRole(r -> r.roleName("shop-app-role")), DeleteConflictException.class, 409,
                "DeleteConflict", "must detach all policies first");
        iam.detachRolePolicy(r -> r.roleName("shop-app-role").policyArn(BACKUP_POLICY));
        assertRefused(() -> iam.deleteRole(r -> r.roleName("shop-app-role")), DeleteConflictException.class, 409,
                "DeleteConflict", "must delete policies first");
        iam.deleteRolePolicy(r -> r.roleName("shop-app-role").policyName("p"));

        iam.deleteRole(r -> r.roleName("shop-app-role"));
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    /**
     * AttachRolePolicy: an unknown policy is NoSuchEntity (404, "Policy ... does not exist or is not attachable."); a
     * service-linked role's policy is PolicyNotAttachable (400); the 11th is LimitExceeded (409, PoliciesPerRole 10,
     * IAM User Guide "IAM and AWS STS quotas").
     */
    @Test
    void onlyExistingAttachablePoliciesAttachAndAtMostTen() {
        role("shop-backup-role");
        assertRefused(() -> iam.attachRolePolicy(r -> r.roleName("shop-backup-role")
                        .policyArn("arn:aws:iam::aws:policy/service-role/NoSuchPolicy")), NoSuchEntityException.class,
                404, "NoSuchEntity", "does not exist or is not attachable");
        assertRefused(() -> iam.attachRolePolicy(r -> r.roleName("shop-backup-role").policyArn(
                        "arn:aws:iam::aws:policy/aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup")),
                PolicyNotAttachableException.class, 400, "PolicyNotAttachable", "Service Role Policy");

        IamState.Role stored = cloud.world().iam.role("shop-backup-role");
        for (int i = 0; i < 10; i++) {
            stored.attachedPolicies.add("arn:aws:iam::123456789012:policy/filler-" + i);
        }
        assertRefused(() -> iam.attachRolePolicy(r -> r.roleName("shop-backup-role").policyArn(BACKUP_POLICY)),
                LimitExceededException.class, 409, "LimitExceeded", "PoliciesPerRole: 10");
    }

    /** AddRoleToInstanceProfile: "LimitExceeded ... InstanceSessionsPerInstanceProfile: 1"; DeleteInstanceProfile 409. */
    @Test
    void anInstanceProfileHoldsOneRoleAndMustBeEmptiedBeforeDeletion() {
        role("one");
        role("two");
        var profile = iam.createInstanceProfile(r -> r.instanceProfileName("shop-app-profile").path("/dr/")
                .tags(t -> t.key("dr:stack").value("shop"))).instanceProfile();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("shop-app-profile").roleName("one"));

        assertThat(profile.arn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/dr/shop-app-profile");
        assertRefused(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("shop-app-profile")
                .roleName("two")), LimitExceededException.class, 409, "LimitExceeded",
                "InstanceSessionsPerInstanceProfile: 1");
        assertRefused(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("shop-app-profile")),
                DeleteConflictException.class, 409, "DeleteConflict", "must remove roles from instance profile first");
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("shop-app-profile")).instanceProfile().roles())
                .extracting(Role::roleName).containsExactly("one");
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("one")).instanceProfiles()).hasSize(1);
        assertRefused(() -> iam.getInstanceProfile(r -> r.instanceProfileName("nope")), NoSuchEntityException.class,
                404, "NoSuchEntity", "Instance Profile nope cannot be found.");
    }

    /**
     * MalformedPolicyDocument (400): invalid JSON (aws-sdk-js issue 1444: a URL-encoded document "contains invalid
     * Json"), a trust policy naming a Resource, an identity policy naming a Principal (IAM JSON policy element
     * reference). Inline policies of a role are limited to 10,240 characters together: LimitExceeded (409, "Maximum
     * policy size of 10240 bytes exceeded for role ...", as quoted in terraform-provider-aws output).
     */
    @Test
    void malformedOrOversizedPolicyDocumentsAreRefused() {
        assertRefused(() -> iam.createRole(r -> r.roleName("x").assumeRolePolicyDocument("%7B%22Version%22")),
                MalformedPolicyDocumentException.class, 400, "MalformedPolicyDocument", "invalid Json");
        assertRefused(() -> iam.createRole(r -> r.roleName("x").assumeRolePolicyDocument(CONNECT)),
                MalformedPolicyDocumentException.class, 400, "MalformedPolicyDocument", "Has prohibited field Resource");
        role("shop-app-role");
        assertRefused(() -> iam.putRolePolicy(r -> r.roleName("shop-app-role").policyName("p").policyDocument(TRUST)),
                MalformedPolicyDocumentException.class, 400, "MalformedPolicyDocument", "should not specify a principal");

        String big = CONNECT.replace("db-X/app", "db-" + "X".repeat(10_300) + "/app");
        assertRefused(() -> iam.putRolePolicy(r -> r.roleName("shop-app-role").policyName("p").policyDocument(big)),
                LimitExceededException.class, 409, "LimitExceeded", "Maximum policy size of 10240 bytes exceeded");
    }

    /** Role names: [\w+=,.@-]+, 1 to 64 characters (CreateRole, RoleName): the protocol's ValidationError (400). */
    @Test
    void aRoleNameOutsideTheAllowedPatternIsAValidationError() {
        assertRefused(() -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(TRUST)),
                AwsServiceException.class, 400, "ValidationError", "regular expression pattern");
        assertRefused(() -> iam.createRole(r -> r.roleName("r".repeat(65)).assumeRolePolicyDocument(TRUST)),
                AwsServiceException.class, 400, "ValidationError", "length less than or equal to 64");
        assertRefused(() -> iam.createRole(r -> r.roleName("r").path("dr").assumeRolePolicyDocument(TRUST)),
                AwsServiceException.class, 400, "ValidationError", "path");
    }

    @Test
    void theIamStateSurvivesTheSandboxFile() {
        role("shop-backup-role");
        iam.attachRolePolicy(r -> r.roleName("shop-backup-role").policyArn(BACKUP_POLICY));

        IamClient reloaded = new InMemoryCloud(SandboxStore.fromJson(SandboxStore.toJson(cloud.world()))).iam();

        assertThat(reloaded.listAttachedRolePolicies(r -> r.roleName("shop-backup-role")).attachedPolicies())
                .singleElement().satisfies(p -> assertThat(p.policyArn()).isEqualTo(BACKUP_POLICY));
        assertThat(reloaded.getRole(r -> r.roleName("SHOP-backup-role")).role().createDate()).isNotNull();
    }
}
