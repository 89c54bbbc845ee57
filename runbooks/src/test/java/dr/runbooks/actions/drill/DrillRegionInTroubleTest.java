package dr.runbooks.actions.drill;

import dr.core.ExitCode;
import dr.regions.drill.DrillStacks;
import dr.runbooks.RunbookResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region in trouble answers with AWS errors (a 5xx, or 403 where a service control policy denies): the drill
 * preflight reports which region and what could not be read, and refuses (exit 3, nothing touched) only when the drill
 * needs what could not be read; an error on something the drill does not use is a note, not a refusal.
 */
class DrillRegionInTroubleTest {
    @TempDir
    Path temp;

    @Test
    void aPrimaryAnswering500IsRefusedWithTheRegionAndWhatCouldNotBeRead() {
        DrillHarness harness = new DrillHarness(DrillStacks.withDomain(), temp);
        harness.cloud.world().faults().regionAnswers(DrillStacks.PRIMARY, 500);
        long mutating = harness.cloud.world().calls().mutating();

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.NOT_READY);
        assertThat(result.message()).contains(DrillStacks.PRIMARY, "AWS::EC2::VPC", "not verified", "HTTP 500",
                "--force");
        assertThat(harness.cloud.world().calls().mutating()).isEqualTo(mutating);
        assertThat(result.step("restore").summary()).isEqualTo("nothing to restore: no fault was injected");
    }

    @Test
    void aDrRegionDenyingItsAutoScalingReadsIsRefusedWithTheReason() {
        DrillHarness harness = new DrillHarness(DrillStacks.withDomain(), temp);
        harness.cloud.world().faults().bareError("autoscaling", "DescribeAutoScalingGroups", DrillStacks.DR, 403);

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.NOT_READY);
        assertThat(result.message()).contains(DrillStacks.DR, "AutoScaling DescribeAutoScalingGroups: HTTP 403");
    }

    @Test
    void backupsTheDrillDoesNotUseAnsweringErrorsAreANoteAndTheDrillGoesAhead() throws Exception {
        DrillHarness harness = new DrillHarness(DrillStacks.withDomain(), temp);
        harness.cloud.world().faults().bareError("backup", "ListBackupVaults", DrillStacks.DR, 503);

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(harness.out.toString()).contains("preflight note", DrillStacks.DR, "AWS::Backup::BackupVault",
                "HTTP 503");
        assertThat(harness.ingressOfEveryGroup()).isEqualTo(harness.originalIngress);
    }

    @Test
    void aReadOfPreflightItselfAnsweringAnErrorIsARefusalWithTheReasonNotACrash() {
        DrillHarness harness = new DrillHarness(DrillStacks.withDomain(), temp);
        harness.cloud.world().faults().bareError("route53", "GetHealthCheckStatus", null, 500);

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.NOT_READY);
        assertThat(result.message()).contains("cannot read the health check and the distribution",
                "Route53 GetHealthCheckStatus: HTTP 500");
    }
}
