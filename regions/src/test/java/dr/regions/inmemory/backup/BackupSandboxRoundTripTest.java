package dr.regions.inmemory.backup;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.CopyJobState;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;

import java.util.Map;

import static dr.regions.inmemory.backup.BackupFixture.DR;
import static dr.regions.inmemory.backup.BackupFixture.PRIMARY;
import static dr.regions.inmemory.backup.BackupFixture.ROLE;
import static dr.regions.inmemory.backup.BackupFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;

class BackupSandboxRoundTripTest {

    @Test
    void aPopulatedBackupSurvivesSaveAndLoadAndItsJobsCarryOn() {
        BackupFixture fixture = new BackupFixture();
        var backup = fixture.backup(PRIMARY);
        String planId = backup.createBackupPlan(r -> r.backupPlan(BackupPlanInput.builder().backupPlanName("shop")
                .rules(BackupRuleInput.builder().ruleName("daily").targetBackupVaultName(VAULT)
                        .scheduleExpression("cron(0 5 ? * * *)")
                        .copyActions(CopyAction.builder().destinationBackupVaultArn(fixture.vaultArn(DR)).build())
                        .build()).build()).backupPlanTags(Map.of("dr:stack", "shop"))).backupPlanId();
        backup.createBackupSelection(r -> r.backupPlanId(planId).backupSelection(s -> s.selectionName("all")
                .iamRoleArn(ROLE).resources(fixture.instanceArn)));
        String first = fixture.completedBackup();
        String copyJobId = backup.startCopyJob(r -> r.recoveryPointArn(first).sourceBackupVaultName(VAULT)
                .destinationBackupVaultArn(fixture.vaultArn(DR)).iamRoleArn(ROLE)).copyJobId();
        String runningJob = fixture.startBackup().backupJobId();
        GetBackupPlanResponse planBefore = backup.getBackupPlan(r -> r.backupPlanId(planId));

        String json = SandboxStore.toJson(fixture.cloud.world());
        World loaded = SandboxStore.fromJson(json);
        InMemoryCloud reloaded = new InMemoryCloud(loaded);

        assertThat(SandboxStore.toJson(loaded)).isEqualTo(json);
        assertThat(reloaded.backup(PRIMARY).getBackupPlan(r -> r.backupPlanId(planId))).isEqualTo(planBefore);
        assertThat(reloaded.backup(PRIMARY).listBackupSelections(r -> r.backupPlanId(planId)).backupSelectionsList())
                .hasSize(1);
        assertThat(reloaded.backup(PRIMARY).describeBackupJob(r -> r.backupJobId(runningJob)).stateAsString())
                .isEqualTo("CREATED");

        loaded.clock().advance(ModeledDurations.BACKUP_COPY_JOB);
        assertThat(reloaded.backup(PRIMARY).describeBackupJob(r -> r.backupJobId(runningJob)).stateAsString())
                .isEqualTo("COMPLETED");
        assertThat(reloaded.backup(PRIMARY).describeCopyJob(r -> r.copyJobId(copyJobId)).copyJob().state())
                .isEqualTo(CopyJobState.COMPLETED);
        assertThat(reloaded.backup(PRIMARY).listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT))
                .recoveryPoints()).hasSize(2);
        assertThat(reloaded.backup(DR).listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT))
                .recoveryPoints()).hasSize(1);
    }
}
