package dr.regions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeastPrivilegePolicyTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static PermissionRules rules(String yaml) throws Exception {
        return PermissionRules.parse(YAML.readTree(yaml));
    }

    private static OperationCatalog catalog(PolicyCommand command, String... operations) {
        return OperationCatalog.of(Map.of(command, List.of(operations).stream().map(ApiOperation::parse).toList()));
    }

    private static List<PolicyStatement> statements(OperationCatalog catalog, PermissionRules rules,
            PolicyCommand command) {
        return new LeastPrivilegePolicy(catalog, rules).document(List.of(command), "*").statements();
    }

    @Test
    void eachServiceGetsOneStatementWithTheSortedActionsOfItsOperations() throws Exception {
        var statements = statements(catalog(PolicyCommand.CLEANUP, "ec2:DeleteVpc", "rds:DeleteDBInstance",
                "ec2:DeleteSubnet"), rules("{}"), PolicyCommand.CLEANUP);

        assertThat(statements).extracting(PolicyStatement::sid).containsExactly("CleanupEc2", "CleanupRds");
        assertThat(statements.get(0).actions()).containsExactly("ec2:DeleteSubnet", "ec2:DeleteVpc");
        assertThat(statements).allMatch(PolicyStatement::unrestricted);
    }

    @Test
    void anOperationWhoseIamActionsDifferIsReplacedByThem() throws Exception {
        PermissionRules rules = rules("""
                actions:
                  cloudfront:CreateDistributionWithTags:
                    actions: [cloudfront:CreateDistribution, cloudfront:TagResource]
                    source: https://example.org/doc
                """);

        var statements = statements(catalog(PolicyCommand.PROVISION, "cloudfront:CreateDistributionWithTags",
                "cloudfront:GetDistribution"), rules, PolicyCommand.PROVISION);

        assertThat(statements.get(0).actions())
                .containsExactly("cloudfront:CreateDistribution", "cloudfront:GetDistribution", "cloudfront:TagResource");
    }

    @Test
    void anImpliedPermissionAppliesOnlyToACommandThatCallsOneOfItsTriggers() throws Exception {
        PermissionRules rules = rules("""
                implied:
                  - sid: PassBackupServiceRole
                    why: dr passes the role
                    source: https://example.org/doc
                    actions: [iam:PassRole]
                    resources: ["${backupRoleArn}"]
                    condition: {StringEquals: {"iam:PassedToService": backup.amazonaws.com}}
                    when: [backup:StartBackupJob]
                """);
        OperationCatalog catalog = OperationCatalog.of(Map.of(
                PolicyCommand.PROVISION, List.of(ApiOperation.parse("backup:StartBackupJob")),
                PolicyCommand.CLEANUP, List.of(ApiOperation.parse("backup:DeleteBackupVault"))));

        var document = new LeastPrivilegePolicy(catalog, rules)
                .document(List.of(PolicyCommand.PROVISION, PolicyCommand.CLEANUP), "123456789012");

        assertThat(document.statements()).extracting(PolicyStatement::sid)
                .containsExactly("ProvisionBackup", "ProvisionImpliedPassBackupServiceRole", "CleanupBackup");
        PolicyStatement passRole = document.statements().get(1);
        assertThat(passRole.resources())
                .containsExactly("arn:aws:iam::123456789012:role/dr/*-backup-role");
        assertThat(passRole.condition().at("/StringEquals/iam:PassedToService").asText())
                .isEqualTo("backup.amazonaws.com");
    }

    @Test
    void aConditionKeyNarrowsTheStatementToTheValuesOfTheTriggersCalled() throws Exception {
        PermissionRules rules = rules("""
                implied:
                  - sid: TagOnCreate
                    why: tags on create
                    source: https://example.org/doc
                    actions: [ec2:CreateTags]
                    conditionKey: ec2:CreateAction
                    when:
                      ec2:CreateVpc: CreateVpc
                      ec2:CreateSubnet: CreateSubnet
                      autoscaling:CreateAutoScalingGroup: RunInstances
                """);

        var statements = statements(catalog(PolicyCommand.PROVISION, "ec2:CreateVpc",
                "autoscaling:CreateAutoScalingGroup"), rules, PolicyCommand.PROVISION);

        PolicyStatement tagging = statements.get(statements.size() - 1);
        assertThat(tagging.sid()).isEqualTo("ProvisionImpliedTagOnCreate");
        List<String> values = new java.util.ArrayList<>();
        tagging.condition().at("/StringEquals/ec2:CreateAction").forEach(v -> values.add(v.asText()));
        assertThat(values).containsExactly("CreateVpc", "RunInstances");
    }

    @Test
    void anImpliedPermissionTheCommandAlreadyHasOnAnyResourceIsLeftOut() throws Exception {
        PermissionRules rules = rules("""
                implied:
                  - sid: DescribeVpcsForPrivateHostedZones
                    why: Route 53 checks the VPC
                    source: https://example.org/doc
                    actions: [ec2:DescribeVpcs]
                    when: [route53:CreateHostedZone]
                """);

        assertThat(statements(catalog(PolicyCommand.PROVISION, "route53:CreateHostedZone", "ec2:DescribeVpcs"),
                rules, PolicyCommand.PROVISION)).extracting(PolicyStatement::sid)
                .containsExactly("ProvisionEc2", "ProvisionRoute53");
        assertThat(statements(catalog(PolicyCommand.PROVISION, "route53:CreateHostedZone"), rules,
                PolicyCommand.PROVISION)).extracting(PolicyStatement::sid)
                .containsExactly("ProvisionRoute53", "ProvisionImpliedDescribeVpcsForPrivateHostedZones");
    }

    @Test
    void theServiceLinkedRolesACommandCanCreateShareOneStatementEachRoleByArnAndService() throws Exception {
        PermissionRules rules = rules("""
                serviceLinkedRoles:
                  - service: elasticloadbalancing.amazonaws.com
                    role: AWSServiceRoleForElasticLoadBalancing
                    source: https://example.org/elb
                    when: [elasticloadbalancing:CreateLoadBalancer]
                  - service: rds.amazonaws.com
                    role: AWSServiceRoleForRDS
                    source: https://example.org/rds
                    when: [rds:CreateDBInstance]
                """);

        var statements = statements(catalog(PolicyCommand.PROVISION, "elasticloadbalancing:CreateLoadBalancer"),
                rules, PolicyCommand.PROVISION);

        PolicyStatement roles = statements.get(statements.size() - 1);
        assertThat(roles.sid()).isEqualTo("ProvisionImpliedServiceLinkedRoles");
        assertThat(roles.actions()).containsExactly("iam:CreateServiceLinkedRole");
        assertThat(roles.resources()).containsExactly(
                "arn:aws:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing");
        assertThat(roles.condition().at("/StringEquals/iam:AWSServiceName").get(0).asText())
                .isEqualTo("elasticloadbalancing.amazonaws.com");
        assertThat(statements(catalog(PolicyCommand.CLEANUP, "elasticloadbalancing:DeleteLoadBalancer"), rules,
                PolicyCommand.CLEANUP)).extracting(PolicyStatement::sid).containsExactly("CleanupElb");
    }

    @Test
    void aTriggerLimitedToOneCommandDoesNotFireForAnotherCallingTheSameOperation() throws Exception {
        PermissionRules rules = rules("""
                implied:
                  - sid: MasterPasswordSecret
                    why: RDS creates the secret
                    source: https://example.org/doc
                    actions: [secretsmanager:CreateSecret]
                    when:
                      - rds:CreateDBInstance
                      - {operation: rds:ModifyDBInstance, command: promote}
                """);
        OperationCatalog catalog = OperationCatalog.of(Map.of(
                PolicyCommand.PROMOTE, List.of(ApiOperation.parse("rds:ModifyDBInstance")),
                PolicyCommand.CLEANUP, List.of(ApiOperation.parse("rds:ModifyDBInstance"))));

        assertThat(statements(catalog, rules, PolicyCommand.PROMOTE)).extracting(PolicyStatement::sid)
                .containsExactly("PromoteRds", "PromoteImpliedMasterPasswordSecret");
        assertThat(statements(catalog, rules, PolicyCommand.CLEANUP)).extracting(PolicyStatement::sid)
                .containsExactly("CleanupRds");
    }

    @Test
    void anImpliedPermissionWithoutItsSourceDocumentIsRefused() {
        assertThatThrownBy(() -> rules("""
                implied:
                  - sid: Guess
                    why: seems likely
                    actions: [kms:Decrypt]
                    when: [rds:CreateDBInstance]
                """)).hasMessageContaining("Guess has no 'source'");
    }

    @Test
    void aCommandWithoutRecordedOperationsHasNoPolicy() {
        var policy = new LeastPrivilegePolicy(catalog(PolicyCommand.CLEANUP, "ec2:DeleteVpc"), PermissionRules.load());

        assertThat(policy.commands()).containsExactly(PolicyCommand.CLEANUP);
        assertThatThrownBy(() -> policy.document(List.of(PolicyCommand.STATUS), "*"))
                .hasMessageContaining("status has no recorded operations");
    }

    @Test
    void theShippedRulesParseAndEachNamesAnAwsDocument() {
        PermissionRules rules = PermissionRules.load();

        assertThat(rules.implied()).isNotEmpty()
                .allMatch(rule -> rule.source().startsWith("https://docs.aws.amazon.com/"));
        assertThat(rules.mappings().values()).allMatch(m -> m.source().startsWith("https://docs.aws.amazon.com/"));
        assertThat(rules.implied()).extracting(ImpliedPermission::sid).doesNotHaveDuplicates();
        assertThat(rules.serviceLinkedRoles().roles()).isNotEmpty()
                .allMatch(role -> role.source().startsWith("https://docs.aws.amazon.com/"));
    }

    @Test
    void everyTriggerOfTheShippedRulesIsAnOperationSomeRecordedCommandCalls() {
        OperationCatalog catalog = OperationCatalog.load();
        Set<ApiOperation> called = new TreeSet<>();
        for (PolicyCommand command : PolicyCommand.values()) {
            catalog.operations(command).ifPresent(called::addAll);
        }

        for (ImpliedPermission rule : PermissionRules.load().implied()) {
            for (ImpliedPermission.Trigger trigger : rule.triggers()) {
                Set<ApiOperation> calledBy = trigger.onlyFor() == null ? called
                        : catalog.operations(trigger.onlyFor()).orElse(new TreeSet<>());
                assertThat(calledBy).as("trigger %s of %s", trigger, rule.sid()).contains(trigger.operation());
            }
        }
        for (ServiceLinkedRoles.Role role : PermissionRules.load().serviceLinkedRoles().roles()) {
            assertThat(role.triggers()).as("triggers of %s", role.name()).anyMatch(called::contains);
        }
        for (ApiOperation mapped : PermissionRules.load().mappings().keySet()) {
            assertThat(called).as("mapped operation").contains(mapped);
        }
    }

    @Test
    void serviceStatementsThatWouldNotFitOneManagedPolicyAreMergedIntoOneWithTheSameActions() throws Exception {
        List<String> operations = new java.util.ArrayList<>();
        for (int i = 0; i < 90; i++) {
            operations.add("service" + i + ":DescribeSomething");
        }
        var statements = statements(catalog(PolicyCommand.PROVISION, operations.toArray(String[]::new)),
                rules("implied: []"), PolicyCommand.PROVISION);

        assertThat(statements).singleElement().satisfies(merged -> {
            assertThat(merged.sid()).isEqualTo("ProvisionActions");
            assertThat(merged.actions()).hasSize(90).contains("service0:DescribeSomething", "service89:DescribeSomething");
            assertThat(merged.resources()).containsExactly("*");
        });
    }

    /**
     * Too long for one managed policy: statements with the same Resource and Condition become one with the union of
     * their actions (Allow statements add up), so every action stays granted on exactly the resources and under the
     * condition it had, and nothing more.
     */
    @Test
    void statementsWithTheSameResourceAndConditionAreMergedOnlyWhenThePolicyWouldNotFit() {
        ObjectNode condition = new ObjectMapper().createObjectNode();
        condition.putObject("StringEquals").put("iam:PassedToService", "ec2.amazonaws.com");
        List<PolicyStatement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < 90; i++) {
            statements.add(new PolicyStatement("Any" + i, new TreeSet<>(Set.of("service" + i + ":DescribeSomething")),
                    List.of("*"), null));
        }
        statements.add(new PolicyStatement("Pass", new TreeSet<>(Set.of("iam:PassRole")),
                List.of("arn:aws:iam::1:role/a"), condition));
        statements.add(new PolicyStatement("PassToo", new TreeSet<>(Set.of("iam:GetRole")),
                List.of("arn:aws:iam::1:role/a"), condition));
        statements.add(new PolicyStatement("Other", new TreeSet<>(Set.of("iam:GetRole")),
                List.of("arn:aws:iam::1:role/b"), null));
        assertThat(LeastPrivilegePolicy.compacted(statements.subList(0, 3))).as("fits: left as it is")
                .isEqualTo(statements.subList(0, 3));
        assertThat(new PolicyDocument(statements).fitsOneManagedPolicy()).isFalse();

        List<PolicyStatement> compacted = LeastPrivilegePolicy.compacted(statements);

        assertThat(compacted).extracting(PolicyStatement::sid).containsExactly("Any0", "Pass", "Other");
        assertThat(compacted.get(0).actions()).hasSize(90);
        assertThat(compacted.get(1).actions()).containsExactly("iam:GetRole", "iam:PassRole");
        assertThat(compacted.get(1).condition()).isEqualTo(condition);
        assertThat(grants(compacted)).isEqualTo(grants(statements));
    }

    /** Every (action, resource, condition) a list of statements allows. */
    private static Set<String> grants(List<PolicyStatement> statements) {
        Set<String> grants = new TreeSet<>();
        for (PolicyStatement statement : statements) {
            for (String action : statement.actions()) {
                for (String resource : statement.resources()) {
                    grants.add(action + " " + resource + " " + statement.condition());
                }
            }
        }
        return grants;
    }

    @Test
    void theShippedPolicyOfEachCommandFitsOneManagedPolicy() {
        LeastPrivilegePolicy policy = LeastPrivilegePolicy.load();

        for (PolicyCommand command : policy.commands()) {
            PolicyDocument document = policy.document(List.of(command), "123456789012");
            System.out.printf("IAM-POLICY-SIZE %s: %d of %d characters (white space not counted)%n",
                    command.cliName(), document.characters(), PolicyDocument.MANAGED_POLICY_MAX_CHARACTERS);
            assertThat(document.characters()).as("%s policy size: it no longer fits one managed policy, which "
                    + "operators attach per command", command.cliName())
                    .isLessThanOrEqualTo(PolicyDocument.MANAGED_POLICY_MAX_CHARACTERS);
        }
    }

    @Test
    void theCatalogRendersToTheTextItIsReadFrom() throws Exception {
        OperationCatalog catalog = OperationCatalog.of(Map.of(
                PolicyCommand.CLEANUP, List.of(ApiOperation.parse("ec2:DeleteVpc"), ApiOperation.parse("acm:X")),
                PolicyCommand.PROVISION, List.of(ApiOperation.parse("ec2:CreateVpc"))));

        String text = catalog.render();

        assertThat(text).contains("provision:\n  - ec2:CreateVpc\ncleanup:\n  - acm:X\n  - ec2:DeleteVpc\n");
        JsonNode parsed = YAML.readTree(text);
        assertThat(OperationCatalog.parse(parsed).render()).isEqualTo(text);
    }

    @Test
    void anOperationIsServiceColonName() {
        assertThat(ApiOperation.parse("elasticloadbalancing:CreateListener").service())
                .isEqualTo("elasticloadbalancing");
        assertThatThrownBy(() -> ApiOperation.parse("CreateVpc")).hasMessageContaining("not service:Operation");
    }
}
