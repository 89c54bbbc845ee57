package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.discovery.TaggedState;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void provisionAStack() {
        dr = new DrRunner(temp);
        dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "-q"));
    }

    @Test
    void withoutATerminalOrYesNothingIsDeletedAndTheExitCodeIsTwo() {
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = dr.run("cleanup", "--sandbox");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("pass --yes");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    @Test
    void dryRunListsTheStackFoundByItsTagsAndDeletesNothing() throws Exception {
        long mutating = dr.cloud.world().calls().mutating();

        DrRunner.Result result = dr.run("cleanup", "--sandbox", "--dry-run", "--output", "json");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode plan = JSON.readTree(result.out());
        assertThat(plan.toString()).contains("us-east-1", "us-west-2", "vpc");
        assertThat(dr.cloud.world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void withYesTheWholeStackGoesAndASecondRunFindsNothing() throws Exception {
        DrRunner.Result result = dr.run("cleanup", "--sandbox", "--yes", "--output", "json");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.toString()).contains("dr-db-final-");
        java.nio.file.Path markdown = java.nio.file.Path.of(report.get("reportFiles").get("markdown").asText());
        assertThat(java.nio.file.Files.readString(markdown)).contains("# Cleanup of stack dr",
                "nothing tagged with stack dr remains (verified)", "| us-east-1 | AWS::EC2::VPC | vpc-");
        assertThat(JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(report.get("reportFiles")
                .get("json").asText()))).get("stackGone").asBoolean()).isTrue();
        DrRunner.Result again = dr.run("cleanup", "--sandbox", "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing of stack dr remains");
    }

    @Test
    void aCleanupKilledMidwayIsFinishedByTheNextRunFromItsJournal() throws Exception {
        dr.cloud.world().faults().crashAtMutatingCall(40, CrashPoint.AFTER_CALL);
        assertThatThrownBy(() -> dr.run("cleanup", "--sandbox", "--yes")).isInstanceOf(SimulatedCrash.class);
        dr.cloud.world().faults().noCrash();

        DrRunner.Result rerun = dr.run("cleanup", "--sandbox", "--yes", "--output", "json");

        assertThat(rerun.exitCode()).as("stderr: %s", rerun.err()).isZero();
        assertThat(rerun.err()).contains("resuming the cleanup run", "Resources of stack dr");
        JsonNode report = JSON.readTree(rerun.out());
        assertThat(report.get("stackGone").asBoolean()).isTrue();
        assertThat(TaggedState.tagged(dr.cloud, "dr")).isEmpty();
    }

    @Test
    void theCleanupRunbookRunsAsAnyOtherRunbookAndResumesLikeOne() {
        dr.cloud.world().faults().crashAtMutatingCall(30, CrashPoint.AFTER_CALL);
        assertThatThrownBy(() -> dr.run("runbook", "run", "cleanup", "--sandbox", "--yes"))
                .isInstanceOf(SimulatedCrash.class);
        dr.cloud.world().faults().noCrash();

        DrRunner.Result result = dr.run("runbook", "run", "cleanup", "--sandbox", "--yes");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).contains("resuming the cleanup run");
        assertThat(result.out()).contains("delete", "deleted", "nothing with the stack's tag remains",
                "Runbook cleanup finished.");
        assertThat(TaggedState.tagged(dr.cloud, "dr")).isEmpty();
    }

    @Test
    void quietSaysOnlyTheResult() {
        DrRunner.Result result = dr.run("cleanup", "--sandbox", "--yes", "-q");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).as("no listing, no progress").isEmpty();
        assertThat(result.out()).contains("Verified: nothing tagged with stack dr remains.");
    }
}
