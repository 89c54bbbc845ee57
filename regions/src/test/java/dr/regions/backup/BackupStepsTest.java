package dr.regions.backup;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.regions.images.StackRun;
import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlan;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.ConditionType;
import software.amazon.awssdk.services.backup.model.Lifecycle;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupStepsTest {
    /** The stack's own Backup role (dr.regions.identity), not the console's default service role. */
    private static final String SERVICE_ROLE = "arn:aws:iam::123456789012:role/dr/dr-backup-role";

    private final StackRun stack = new StackRun();

    private InMemoryCloud cloud() {
        return stack.cloud();
    }

    private BackupClient backup(String region) {
        return cloud().backup(region);
    }

    private BackupPlansListMember onlyPlan() {
        List<BackupPlansListMember> plans = backup(StackRun.PRIMARY).listBackupPlans().backupPlansList();
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    @Test
    void eachRegionHasOneVaultTaggedForTheStack() {
        ExecutionResult result = stack.run();
        for (String region : List.of(StackRun.PRIMARY, StackRun.DR)) {
            var vaults = backup(region).listBackupVaults().backupVaultList();
            assertThat(vaults).singleElement().satisfies(v -> {
                assertThat(v.backupVaultName()).isEqualTo("dr-vault");
                assertThat(v.backupVaultArn()).contains(":" + region + ":");
                assertThat(backup(region).listTags(r -> r.resourceArn(v.backupVaultArn())).tags())
                        .containsEntry("dr:stack", "dr").containsEntry("dr:role", "backup-vault")
                        .containsEntry("Name", "dr-vault").containsEntry("managed-by", "dr");
                assertThat(result.outcome(StepKey.of(region, "backup-vault")).outputs())
                        .containsEntry("id", "dr-vault").containsEntry("arn", v.backupVaultArn());
            });
        }
    }

    @Test
    void thePlanBacksUpDailyIntoThePrimaryVaultAndCopiesToTheDrVault() {
        ExecutionResult result = stack.run();
        String drVaultArn = result.outcome(StepKey.of(StackRun.DR, "backup-vault")).outputs().get("arn");
        BackupPlansListMember listed = onlyPlan();
        assertThat(listed.backupPlanName()).isEqualTo("dr-backup-plan");
        BackupPlan plan = backup(StackRun.PRIMARY).getBackupPlan(r -> r.backupPlanId(listed.backupPlanId()))
                .backupPlan();
        assertThat(plan.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.targetBackupVaultName()).isEqualTo("dr-vault");
            assertThat(rule.scheduleExpression()).isEqualTo("cron(0 5 ? * * *)");
            assertThat(rule.lifecycle().deleteAfterDays()).isEqualTo(35L);
            assertThat(rule.copyActions()).singleElement().satisfies(copy -> {
                assertThat(copy.destinationBackupVaultArn()).isEqualTo(drVaultArn).contains(":" + StackRun.DR + ":");
                assertThat(copy.lifecycle().deleteAfterDays()).isEqualTo(35L);
            });
        });
        assertThat(backup(StackRun.DR).listBackupPlans().backupPlansList()).as("no plan in the DR region").isEmpty();
    }

    @Test
    void theSelectionTakesTheStacksTaggedResourcesWithTheBackupServiceRole() {
        stack.run();
        String planId = onlyPlan().backupPlanId();
        var selections = backup(StackRun.PRIMARY).listBackupSelections(r -> r.backupPlanId(planId))
                .backupSelectionsList();
        assertThat(selections).singleElement().satisfies(listed -> {
            BackupSelection selection = backup(StackRun.PRIMARY).getBackupSelection(r -> r.backupPlanId(planId)
                    .selectionId(listed.selectionId())).backupSelection();
            assertThat(selection.selectionName()).isEqualTo("dr-backup-selection");
            assertThat(selection.iamRoleArn()).isEqualTo(SERVICE_ROLE);
            assertThat(selection.listOfTags()).singleElement().satisfies(condition -> {
                assertThat(condition.conditionType()).isEqualTo(ConditionType.STRINGEQUALS);
                assertThat(condition.conditionKey()).isEqualTo("dr:stack");
                assertThat(condition.conditionValue()).isEqualTo("dr");
            });
        });
    }

    @Test
    void aRuleChangedByHandIsPutBackAndReportedAsUpdate() {
        stack.run();
        BackupPlansListMember listed = onlyPlan();
        BackupRule rule = backup(StackRun.PRIMARY).getBackupPlan(r -> r.backupPlanId(listed.backupPlanId()))
                .backupPlan().rules().get(0);
        backup(StackRun.PRIMARY).updateBackupPlan(r -> r.backupPlanId(listed.backupPlanId())
                .backupPlan(BackupPlanInput.builder().backupPlanName(listed.backupPlanName())
                        .rules(BackupRuleInput.builder().ruleName(rule.ruleName())
                                .targetBackupVaultName(rule.targetBackupVaultName())
                                .scheduleExpression(rule.scheduleExpression())
                                .lifecycle(Lifecycle.builder().deleteAfterDays(7L).build())
                                .build())
                        .build()));

        ExecutionResult second = stack.run();

        assertThat(second.outcome(StepKey.of(StackRun.PRIMARY, "backup-plan")).action()).isEqualTo(Action.UPDATE);
        BackupPlan repaired = backup(StackRun.PRIMARY).getBackupPlan(r -> r.backupPlanId(listed.backupPlanId()))
                .backupPlan();
        assertThat(repaired.rules().get(0).lifecycle().deleteAfterDays()).isEqualTo(35L);
        assertThat(repaired.rules().get(0).copyActions()).hasSize(1);
        assertThat(backup(StackRun.PRIMARY).listBackupPlans().backupPlansList()).hasSize(1);
    }

    @Test
    void aVaultOfTheSameNameThatIsNotTheStacksIsNotAdopted() {
        backup(StackRun.DR).createBackupVault(r -> r.backupVaultName("dr-vault")
                .backupVaultTags(Map.of("owner", "someone-else")));

        ExecutionResult result = stack.run();

        var vault = result.outcome(StepKey.of(StackRun.DR, "backup-vault"));
        assertThat(vault.succeeded()).isFalse();
        assertThat(vault.message()).contains("dr-vault").contains("does not adopt");
        assertThat(result.outcome(StepKey.of(StackRun.DR, "image-web")).succeeded()).isFalse();
        assertThat(backup(StackRun.DR).listTags(r -> r.resourceArn(
                backup(StackRun.DR).describeBackupVault(d -> d.backupVaultName("dr-vault")).backupVaultArn()))
                .tags()).doesNotContainKey("dr:stack");
    }
}
