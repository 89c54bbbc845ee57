package dr.regions.backup;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.regions.images.StackRun;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private BackupSelection onlySelection() {
        String planId = onlyPlan().backupPlanId();
        var selections = backup(StackRun.PRIMARY).listBackupSelections(r -> r.backupPlanId(planId))
                .backupSelectionsList();
        assertThat(selections).hasSize(1);
        return backup(StackRun.PRIMARY).getBackupSelection(r -> r.backupPlanId(planId)
                .selectionId(selections.get(0).selectionId())).backupSelection();
    }

    private static List<String> builderArns(ExecutionResult result) {
        return List.of(result.outcome(StepKey.of(StackRun.PRIMARY, "builder-app")).outputs().get("arn"),
                result.outcome(StepKey.of(StackRun.PRIMARY, "builder-web")).outputs().get("arn"));
    }

    /**
     * Not the stack tag: the Auto Scaling groups propagate it to every instance they launch, so the daily plan would
     * image each disposable instance and copy it across regions. Only the builders, which the images come from.
     */
    @Test
    void theSelectionTakesOnlyTheImageBuildersByArnWithTheBackupServiceRole() {
        ExecutionResult result = stack.run();

        BackupSelection selection = onlySelection();
        assertThat(selection.selectionName()).matches("dr-builders-[0-9a-f]{8}");
        assertThat(selection.iamRoleArn()).isEqualTo(SERVICE_ROLE);
        assertThat(selection.resources()).containsExactlyInAnyOrderElementsOf(builderArns(result))
                .allSatisfy(arn -> assertThat(arn).matches("arn:aws:ec2:us-east-1:123456789012:instance/i-[0-9a-f]+"));
        assertThat(selection.listOfTags()).as("no tag condition").isEmpty();
        assertThat(selection.notResources()).isEmpty();
    }

    /** What dr made before: a selection of everything tagged with the stack, named {@code <stack>-backup-selection}. */
    private void replaceWithTheTagSelectionOfAnEarlierVersion() {
        String planId = onlyPlan().backupPlanId();
        BackupClient backup = backup(StackRun.PRIMARY);
        String current = backup.listBackupSelections(r -> r.backupPlanId(planId)).backupSelectionsList().get(0)
                .selectionId();
        backup.deleteBackupSelection(r -> r.backupPlanId(planId).selectionId(current));
        backup.createBackupSelection(r -> r.backupPlanId(planId).creatorRequestId("dr-dr-backup-selection")
                .backupSelection(s -> s.selectionName("dr-backup-selection").iamRoleArn(SERVICE_ROLE)
                        .listOfTags(c -> c.conditionType(ConditionType.STRINGEQUALS).conditionKey("dr:stack")
                                .conditionValue("dr"))));
    }

    @Test
    void aTagSelectionOfAnEarlierVersionIsReplacedByTheBuilderSelectionOnceAndThenKept() {
        ExecutionResult first = stack.run();
        replaceWithTheTagSelectionOfAnEarlierVersion();

        ExecutionResult second = stack.run();

        assertThat(second.failed()).isEmpty();
        assertThat(second.outcome(StepKey.of(StackRun.PRIMARY, "backup-selection")).action())
                .isEqualTo(Action.CREATE);
        BackupSelection migrated = onlySelection();
        assertThat(migrated.listOfTags()).isEmpty();
        assertThat(migrated.resources()).containsExactlyInAnyOrderElementsOf(builderArns(first));

        long mutating = cloud().world().calls().mutating();
        ExecutionResult third = stack.run();
        assertThat(third.outcome(StepKey.of(StackRun.PRIMARY, "backup-selection")).action()).isEqualTo(Action.KEEP);
        assertThat(cloud().world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void aReplacedBuilderIsSelectedInsteadOfTheOldOne() {
        ExecutionResult first = stack.run();
        String oldBuilder = first.outcome(StepKey.of(StackRun.PRIMARY, "builder-web")).resourceId();
        cloud().ec2(StackRun.PRIMARY).terminateInstances(r -> r.instanceIds(oldBuilder));
        cloud().world().clock().advance(Duration.ofMinutes(5));

        ExecutionResult second = stack.run();

        assertThat(second.failed()).isEmpty();
        assertThat(onlySelection().resources()).containsExactlyInAnyOrderElementsOf(builderArns(second))
                .noneMatch(arn -> arn.endsWith(oldBuilder));
    }

    @Test
    void aCrashBetweenCreatingTheNewSelectionAndDeletingTheOldOneIsFinishedByARerun() {
        stack.run();
        replaceWithTheTagSelectionOfAnEarlierVersion();
        // The re-run's first mutating call creates the builders selection; the old one is deleted after it.
        cloud().world().faults().crashAtMutatingCall(1, Faults.CrashPoint.AFTER_CALL);

        assertThatThrownBy(stack::run).isInstanceOf(SimulatedCrash.class).hasMessageContaining("CreateBackupSelection");
        cloud().world().faults().noCrash();
        String planId = onlyPlan().backupPlanId();
        assertThat(backup(StackRun.PRIMARY).listBackupSelections(r -> r.backupPlanId(planId)).backupSelectionsList())
                .as("the plan is never without a selection").hasSize(2);

        ExecutionResult resumed = stack.run();

        assertThat(resumed.failed()).isEmpty();
        assertThat(resumed.outcome(StepKey.of(StackRun.PRIMARY, "backup-selection")).action())
                .isEqualTo(Action.UPDATE);
        assertThat(onlySelection().listOfTags()).isEmpty();
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
