package dr.regions.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.provision.ProvisionFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's IAM resources as provision builds and repairs them, against the in-memory IAM. */
class IdentityStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIMARY = ProvisionFixture.PRIMARY;
    private static final String DR = ProvisionFixture.DR;

    private final ProvisionFixture fixture = new ProvisionFixture();
    private final StackSpec spec = ProvisionFixture.defaultSpec();

    private InMemoryCloud cloud() {
        return fixture.cloud();
    }

    private IamClient iam() {
        return cloud().iam();
    }

    private ExecutionResult provision() {
        ProvisionReport report = fixture.provision(spec);
        assertThat(report.result().failed()).isEmpty();
        return report.result();
    }

    private static JsonNode decoded(String document) throws Exception {
        return JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private long iamMutatingCalls() {
        return cloud().world().calls().count(c -> c.service().equals("iam") && c.mutating());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AfterOneRun {
        private final ExecutionResult result;

        AfterOneRun() {
            result = provision();
        }

        private String dbiResourceId(String region, String role) {
            String identifier = result.outcome(StepKey.of(region, role)).outputs().get("id");
            return cloud().rds(region).describeDBInstances(r -> r.dbInstanceIdentifier(identifier))
                    .dbInstances().get(0).dbiResourceId();
        }

        @Test
        void theBackupRoleIsTheStacksTrustedByBackupOnlyWithAwsBackupAndRestorePolicies() throws Exception {
            Role role = iam().getRole(r -> r.roleName("dr-backup-role")).role();

            assertThat(role.path()).isEqualTo("/dr/");
            assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/dr/dr-backup-role");
            JsonNode trust = decoded(role.assumeRolePolicyDocument());
            assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("backup.amazonaws.com");
            assertThat(trust.at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
            assertThat(trust.get("Statement")).hasSize(1);
            assertThat(iam().listAttachedRolePolicies(r -> r.roleName("dr-backup-role")).attachedPolicies())
                    .extracting(AttachedPolicy::policyArn).containsExactlyInAnyOrder(
                            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");
            assertThat(tags(role.tags())).containsEntry("dr:stack", "dr").containsEntry("dr:role", "backup-role")
                    .containsEntry("managed-by", "dr").containsEntry("Name", "dr-backup-role");
        }

        @Test
        void theAppTierLaunchesWithTheAppInstanceProfileAndTheWebTierWithNone() {
            var profile = iam().getInstanceProfile(r -> r.instanceProfileName("dr-app-profile")).instanceProfile();
            assertThat(profile.roles()).extracting(Role::roleName).containsExactly("dr-app-role");
            assertThat(tags(profile.tags())).containsEntry("dr:stack", "dr").containsEntry("dr:role", "app-profile");
            Role appRole = iam().getRole(r -> r.roleName("dr-app-role")).role();
            assertThat(URLDecoder.decode(appRole.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                    .contains("ec2.amazonaws.com").doesNotContain("backup");
            assertThat(iam().listAttachedRolePolicies(r -> r.roleName("dr-app-role")).attachedPolicies()).isEmpty();

            for (String region : List.of(PRIMARY, DR)) {
                assertThat(defaultVersion(region, "dr-lt-app").launchTemplateData().iamInstanceProfile().arn())
                        .as(region).isEqualTo(profile.arn());
                assertThat(defaultVersion(region, "dr-lt-web").launchTemplateData().iamInstanceProfile())
                        .as(region).isNull();
            }
        }

        /**
         * "arn:aws:rds-db:region:account-id:dbuser:DbiResourceId/db-user-name" (RDS User Guide, "Creating and using an
         * IAM policy for IAM database access"): one per database, the replica by its own resource id.
         */
        @Test
        void theAppRoleMayConnectAsTheAppUserToBothDatabasesByTheirResourceIds() throws Exception {
            String primaryId = dbiResourceId(PRIMARY, "db-primary");
            String replicaId = dbiResourceId(DR, "db-replica");
            assertThat(primaryId).isNotEqualTo(replicaId);

            JsonNode policy = decoded(iam().getRolePolicy(r -> r.roleName("dr-app-role")
                    .policyName("rds-db-connect")).policyDocument());

            assertThat(policy.get("Statement")).hasSize(1);
            JsonNode statement = policy.get("Statement").get(0);
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.get("Action").asText()).isEqualTo("rds-db:connect");
            assertThat(statement.get("Resource")).extracting(JsonNode::asText).containsExactly(
                    "arn:aws:rds-db:us-east-1:123456789012:dbuser:" + primaryId + "/app",
                    "arn:aws:rds-db:us-west-2:123456789012:dbuser:" + replicaId + "/app");
        }
    }

    @Test
    void aSecondRunMakesNoIamChange() {
        provision();
        cloud().world().calls().reset();

        ExecutionResult second = provision();

        assertThat(iamMutatingCalls()).isZero();
        for (StepKey key : List.of(IdentityRoles.BACKUP_ROLE_KEY, IdentityRoles.APP_ROLE_KEY,
                IdentityRoles.APP_PROFILE_KEY, IdentityRoles.DB_CONNECT_KEY)) {
            assertThat(second.outcome(key).action()).as(key.toString()).isEqualTo(Action.KEEP);
        }
    }

    @Test
    void aTrustPolicyPolicyAttachmentOrConnectPolicyChangedByHandIsPutBack() throws Exception {
        provision();
        iam().updateAssumeRolePolicy(r -> r.roleName("dr-backup-role").policyDocument(
                PolicyJson.trust("ec2.amazonaws.com")));
        iam().detachRolePolicy(r -> r.roleName("dr-backup-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"));
        iam().putRolePolicy(r -> r.roleName("dr-app-role").policyName("rds-db-connect")
                .policyDocument(PolicyJson.connect(List.of("arn:aws:rds-db:us-east-1:123456789012:dbuser:*/*"))));
        iam().untagRole(r -> r.roleName("dr-backup-role").tagKeys("managed-by"));

        ExecutionResult repaired = provision();

        assertThat(repaired.outcome(IdentityRoles.BACKUP_ROLE_KEY).action()).isEqualTo(Action.UPDATE);
        assertThat(repaired.outcome(IdentityRoles.DB_CONNECT_KEY).action()).isEqualTo(Action.UPDATE);
        Role role = iam().getRole(r -> r.roleName("dr-backup-role")).role();
        assertThat(decoded(role.assumeRolePolicyDocument()).at("/Statement/0/Principal/Service").asText())
                .isEqualTo("backup.amazonaws.com");
        assertThat(tags(role.tags())).containsEntry("managed-by", "dr");
        assertThat(iam().listAttachedRolePolicies(r -> r.roleName("dr-backup-role")).attachedPolicies()).hasSize(2);
        assertThat(URLDecoder.decode(iam().getRolePolicy(r -> r.roleName("dr-app-role").policyName("rds-db-connect"))
                .policyDocument(), StandardCharsets.UTF_8)).doesNotContain("dbuser:*");
    }

    @Test
    void aRoleOfTheSameNameThatIsNotTheStacksIsNotAdopted() {
        iam().createRole(r -> r.roleName("dr-backup-role").path("/dr/")
                .assumeRolePolicyDocument(PolicyJson.trust("backup.amazonaws.com")));

        ProvisionReport report = fixture.provision(spec);

        assertThat(report.result().outcome(IdentityRoles.BACKUP_ROLE_KEY).succeeded()).isFalse();
        assertThat(report.result().outcome(IdentityRoles.BACKUP_ROLE_KEY).message())
                .contains("not this stack's", "does not adopt");
        assertThat(iam().listAttachedRolePolicies(r -> r.roleName("dr-backup-role")).attachedPolicies())
                .as("nothing attached to a role dr does not own").isEmpty();
    }

    @Test
    void withEventualConsistencyTheBackupCallsWaitForTheNewRoleAndEverythingIsMadeOnce() {
        cloud().world().faults().eventualConsistency(true);

        provision();

        assertThat(cloud().world().iam.roles).containsOnlyKeys("dr-backup-role", "dr-app-role");
        assertThat(cloud().world().iam.instanceProfiles).containsOnlyKeys("dr-app-profile");
    }

    private LaunchTemplateVersion defaultVersion(String region, String name) {
        return cloud().ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateName(name)
                .versions("$Default")).launchTemplateVersions().get(0);
    }
}
