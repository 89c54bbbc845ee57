package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.iam.LeastPrivilegePolicy;
import dr.regions.iam.OperationCatalog;
import dr.regions.iam.PolicyCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IamPolicyCommandTest extends DrCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutForItPrintsOnePolicyDocumentWithTheStatementsOfEveryRecordedCommand() throws Exception {
        DrRunner.Result result = dr.run("iam-policy");

        dr.assertSucceeded(result);
        JsonNode policy = JSON.readTree(result.out());
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        List<String> sids = sids(policy);
        for (PolicyCommand command : LeastPrivilegePolicy.load().commands()) {
            assertThat(sids).as("statements of %s", command.cliName())
                    .anyMatch(sid -> sid.startsWith(command.sidPrefix()) && !sid.contains("Implied"));
        }
        // provision's service statements are merged into ProvisionActions, which is what lets it fit one managed policy
        assertThat(sids).contains("ProvisionActions", "CleanupRoute53", "StatusRds",
                "DrillEc2", "PromoteRds", "ProvisionImpliedPassBackupRole", "ProvisionImpliedPassAppRole");
        assertThat(sids).doesNotHaveDuplicates().allMatch(sid -> sid.matches("[A-Za-z0-9]+"));
    }

    @Test
    void aPolicyTooBigForOneManagedPolicySaysSoOnStderrAndHowToAttachIt() throws Exception {
        DrRunner.Result all = dr.run("iam-policy");
        DrRunner.Result cleanup = dr.run("iam-policy", "--for", "cleanup");

        assertThat(all.err()).contains("one IAM managed policy holds at most 6144", "one policy per command (--for)");
        assertThat(JSON.readTree(all.out()).get("Statement")).isNotEmpty();
        assertThat(cleanup.err()).isEmpty();
    }

    @Test
    void everyStatementAllowsSortedActionsAndEveryServiceStatementIsOnAnyResource() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy").out());

        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            List<String> actions = texts(statement.get("Action"));
            assertThat(actions).isNotEmpty().isSorted().doesNotHaveDuplicates()
                    .allMatch(a -> a.matches("[a-z0-9-]+:[A-Za-z0-9]+"));
            if (!statement.get("Sid").asText().contains("Implied")) {
                assertThat(statement.get("Resource").asText()).isEqualTo("*");
                assertThat(statement.has("Condition")).isFalse();
            }
        }
    }

    @Test
    void forNarrowsThePolicyToTheStatementsOfThatCommand() throws Exception {
        DrRunner.Result result = dr.run("iam-policy", "--for", "cleanup");

        dr.assertSucceeded(result);
        List<String> sids = sids(JSON.readTree(result.out()));
        assertThat(sids).isNotEmpty().allMatch(sid -> sid.startsWith("Cleanup"));
        assertThat(actions(JSON.readTree(result.out()))).contains("ec2:DeleteVpc", "cloudfront:DeleteDistribution")
                .doesNotContain("ec2:CreateVpc", "iam:PassRole");
    }

    @Test
    void theActionsOfACommandAreExactlyWhatItsRecordedOperationsNeedPlusItsImpliedPermissions() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy", "--for", "provision").out());

        Set<String> listed = new TreeSet<>();
        OperationCatalog.load().operations(PolicyCommand.PROVISION).orElseThrow()
                .forEach(op -> listed.add(op.toString()));
        listed.remove("cloudfront:CreateDistributionWithTags");
        listed.add("cloudfront:CreateDistribution");
        listed.add("cloudfront:TagResource");
        listed.add("backup:TagResource"); // CreateBackupVault and CreateBackupPlan with tags (permissions.yaml)
        Set<String> granted = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            if (!statement.get("Sid").asText().contains("Implied")) {
                granted.addAll(texts(statement.get("Action")));
            }
        }
        assertThat(granted).isEqualTo(listed);
        assertThat(sids(policy)).contains("ProvisionImpliedEc2TagOnCreate",
                "ProvisionImpliedRdsKmsKeys", "ProvisionImpliedRdsMasterPasswordSecret",
                "ProvisionImpliedServiceLinkedRoles");
    }

    @Test
    void thePassedBackupRoleIsTheRoleDrPassesAndOnlyToAwsBackup() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy", "--for", "provision", "--account", "123456789012").out());

        JsonNode passRole = statement(policy, "ProvisionImpliedPassBackupRole");
        assertThat(texts(passRole.get("Action"))).containsExactly("iam:PassRole");
        assertThat(passRole.get("Resource").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/dr/*-backup-role");
        assertThat(passRole.at("/Condition/StringEquals/iam:PassedToService").asText())
                .isEqualTo("backup.amazonaws.com");
    }

    @Test
    void taggingOnCreateIsAllowedOnlyAsPartOfTheCreatesTheCommandMakes() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy", "--for", "provision").out());

        JsonNode createTags = statement(policy, "ProvisionImpliedEc2TagOnCreate");
        assertThat(texts(createTags.at("/Condition/StringEquals/ec2:CreateAction")))
                .contains("CreateVpc", "CreateSubnet", "RunInstances").doesNotContain("CreateTags");
    }

    @Test
    void serviceLinkedRolesAreNamedByArnAndOnlyForTheirOwnService() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy", "--for", "provision", "--account", "123456789012").out());

        JsonNode roles = statement(policy, "ProvisionImpliedServiceLinkedRoles");
        assertThat(texts(roles.get("Resource"))).contains("arn:aws:iam::123456789012:role/aws-service-role/"
                + "elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing");
        assertThat(texts(roles.at("/Condition/StringEquals/iam:AWSServiceName")))
                .containsExactly("autoscaling.amazonaws.com", "backup.amazonaws.com",
                        "elasticloadbalancing.amazonaws.com", "rds.amazonaws.com");
    }

    @Test
    void promotionMayHaveRdsManageTheMasterPasswordButLaunchesNoInstanceItself() throws Exception {
        JsonNode policy = JSON.readTree(dr.run("iam-policy", "--for", "promote").out());

        assertThat(sids(policy)).contains("PromoteImpliedRdsMasterPasswordSecret")
                .doesNotContain("PromoteImpliedAutoScalingLaunch", "PromoteImpliedEc2TagOnCreate");
        assertThat(actions(policy)).contains("rds:PromoteReadReplica").doesNotContain("ec2:RunInstances");
    }

    @Test
    void severalCommandsMayBeGivenCommaSeparated() throws Exception {
        List<String> sids = sids(JSON.readTree(dr.run("iam-policy", "--for", "provision,cleanup").out()));

        assertThat(sids).anyMatch(s -> s.startsWith("Provision")).anyMatch(s -> s.startsWith("Cleanup"));
    }

    @Test
    void anUnknownCommandForForIsBadInputAndNamesTheChoices() {
        dr.assertRejected(dr.run("iam-policy", "--for", "deploy"),
                "--for: 'deploy' is not a dr command; use one of provision, status, drill, promote, reprotect, failback, cleanup");
    }

    @Test
    void anAccountThatIsNotTwelveDigitsIsBadInput() {
        dr.assertRejected(dr.run("iam-policy", "--account", "12345"), "--account: '12345' is not a 12-digit");
    }

    @Test
    void aCommandNotRecordedYetIsRefusedAndNotFakedAsAnEmptyPolicy() {
        for (PolicyCommand command : PolicyCommand.values()) {
            if (LeastPrivilegePolicy.load().commands().contains(command)) {
                continue;
            }
            DrRunner.Result result = dr.run("iam-policy", "--for", command.cliName());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).contains("not recorded yet");
        }
    }

    @Test
    void helpNamesTheCommandsForTakesAndSaysNothingIsCalled() {
        DrRunner.Result result = dr.run("iam-policy", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().replaceAll("\\s+", " "))
                .contains("provision, status, drill, promote, reprotect, failback, cleanup", "calls no AWS API")
                .doesNotContain("Not available yet");
    }

    @Test
    void itNeedsNoCredentialsAndMakesNoCloudCall() {
        DrRunner.Result result = dr.run("iam-policy");

        dr.assertSucceeded(result);
        dr.assertNoAwsClientUsed();
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + sids(policy));
    }

    private static List<String> sids(JsonNode policy) {
        List<String> sids = new ArrayList<>();
        policy.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
        return sids;
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        policy.get("Statement").forEach(s -> actions.addAll(texts(s.get("Action"))));
        return actions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
