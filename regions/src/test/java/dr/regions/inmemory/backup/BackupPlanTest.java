package dr.regions.inmemory.backup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.AlreadyExistsException;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.Condition;
import software.amazon.awssdk.services.backup.model.ConditionType;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.MissingParameterValueException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

import java.util.Map;

import static dr.regions.inmemory.backup.BackupFixture.DR;
import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.ROLE;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static dr.regions.inmemory.backup.BackupFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class BackupPlanTest {
    private final BackupFixture fixture = new BackupFixture();
    private final BackupClient backup = fixture.backup(PRIMARY);

    private BackupPlanInput plan(String name, String targetVault) {
        return BackupPlanInput.builder()
                .backupPlanName(name)
                .rules(BackupRuleInput.builder()
                        .ruleName("daily")
                        .targetBackupVaultName(targetVault)
                        .scheduleExpression("cron(0 5 ? * * *)")
                        .lifecycle(Lifecycle.builder().deleteAfterDays(14L).build())
                        .copyActions(CopyAction.builder().destinationBackupVaultArn(fixture.vaultArn(DR))
                                .lifecycle(Lifecycle.builder().deleteAfterDays(14L).build()).build())
                        .build())
                .build();
    }

    private CreateBackupPlanResponse createPlan(String creatorRequestId) {
        return backup.createBackupPlan(r -> r.backupPlan(plan("shop-plan", VAULT))
                .backupPlanTags(Map.of("dr:stack", "shop")).creatorRequestId(creatorRequestId));
    }

    private void select(String planId) {
        backup.createBackupSelection(r -> r.backupPlanId(planId).backupSelection(s -> s.selectionName("by-tag")
                .iamRoleArn(ROLE).listOfTags(Condition.builder().conditionType(ConditionType.STRINGEQUALS)
                        .conditionKey("dr:stack").conditionValue("shop").build())));
    }

    @Test
    void aPlanIsReadBackWithItsRuleCopyActionAndTags() {
        CreateBackupPlanResponse created = createPlan("req-1");

        GetBackupPlanResponse plan = backup.getBackupPlan(r -> r.backupPlanId(created.backupPlanId()));

        assertThat(plan.backupPlanArn()).isEqualTo("arn:aws:backup:us-east-1:123456789012:backup-plan:"
                + created.backupPlanId());
        assertThat(plan.versionId()).isEqualTo(created.versionId());
        assertThat(plan.backupPlan().backupPlanName()).isEqualTo("shop-plan");
        BackupRule rule = plan.backupPlan().rules().get(0);
        assertThat(rule.ruleId()).isNotBlank();
        assertThat(rule.targetBackupVaultName()).isEqualTo(VAULT);
        assertThat(rule.copyActions()).singleElement()
                .satisfies(copy -> assertThat(copy.destinationBackupVaultArn()).isEqualTo(fixture.vaultArn(DR)));
        assertThat(backup.listTags(r -> r.resourceArn(created.backupPlanArn())).tags())
                .containsEntry("dr:stack", "shop");
        assertThat(backup.listBackupPlans().backupPlansList()).singleElement()
                .satisfies(p -> assertThat(p.backupPlanName()).isEqualTo("shop-plan"));
    }

    @Test
    void theSameCreatorRequestIdGivesTheSamePlanAndAnotherPlanOfTheSameNameIsRefused() {
        CreateBackupPlanResponse first = createPlan("req-1");

        assertThat(createPlan("req-1").backupPlanId()).isEqualTo(first.backupPlanId());
        assertRefused(() -> createPlan("req-2"), AlreadyExistsException.class, "AlreadyExistsException");
        assertThat(backup.listBackupPlans().backupPlansList()).hasSize(1);
    }

    @Test
    void aRuleWhoseTargetVaultDoesNotExistIsRefusedUntilTheVaultExists() {
        assertRefused(() -> backup.createBackupPlan(r -> r.backupPlan(plan("shop-plan", "later-vault"))),
                InvalidParameterValueException.class, "InvalidParameterValueException");

        backup.createBackupVault(r -> r.backupVaultName("later-vault"));
        backup.createBackupPlan(r -> r.backupPlan(plan("shop-plan", "later-vault")));

        assertThat(backup.listBackupPlans().backupPlansList()).hasSize(1);
    }

    @Test
    void aPlanWithoutRulesIsRefused() {
        assertRefused(() -> backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName("empty"))),
                MissingParameterValueException.class, "MissingParameterValueException");
    }

    @Test
    void anUpdateGivesANewVersion() {
        CreateBackupPlanResponse created = createPlan("req-1");

        var updated = backup.updateBackupPlan(r -> r.backupPlanId(created.backupPlanId())
                .backupPlan(plan("shop-plan", VAULT).toBuilder().rules(BackupRuleInput.builder().ruleName("hourly")
                        .targetBackupVaultName(VAULT).scheduleExpression("cron(0 * ? * * *)").build()).build()));

        assertThat(updated.versionId()).isNotEqualTo(created.versionId());
        assertThat(backup.getBackupPlan(r -> r.backupPlanId(created.backupPlanId())).backupPlan().rules())
                .extracting(BackupRule::ruleName).containsExactly("hourly");
    }

    @Test
    void aSelectionNeedsARoleAndIsReadBack() {
        String planId = createPlan("req-1").backupPlanId();

        assertRefused(() -> backup.createBackupSelection(r -> r.backupPlanId(planId)
                        .backupSelection(s -> s.selectionName("no-role"))),
                MissingParameterValueException.class, "MissingParameterValueException");

        select(planId);
        var listed = backup.listBackupSelections(r -> r.backupPlanId(planId)).backupSelectionsList();
        assertThat(listed).singleElement().satisfies(s -> assertThat(s.iamRoleArn()).isEqualTo(ROLE));
        var selection = backup.getBackupSelection(r -> r.backupPlanId(planId).selectionId(listed.get(0).selectionId()));
        assertThat(selection.backupSelection().listOfTags()).singleElement()
                .satisfies(c -> assertThat(c.conditionKey()).isEqualTo("dr:stack"));
    }

    @Test
    void aPlanWithSelectionsIsRefusedUntilTheSelectionsAreDeleted() {
        String planId = createPlan("req-1").backupPlanId();
        select(planId);

        assertRefused(() -> backup.deleteBackupPlan(r -> r.backupPlanId(planId)),
                InvalidRequestException.class, "InvalidRequestException");

        String selectionId = backup.listBackupSelections(r -> r.backupPlanId(planId)).backupSelectionsList().get(0)
                .selectionId();
        backup.deleteBackupSelection(r -> r.backupPlanId(planId).selectionId(selectionId));
        backup.deleteBackupPlan(r -> r.backupPlanId(planId));

        assertRefused(() -> backup.getBackupPlan(r -> r.backupPlanId(planId)),
                ResourceNotFoundException.class, "ResourceNotFoundException");
    }
}
