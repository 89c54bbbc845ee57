package dr.runbooks.actions.cleanup;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.regions.discovery.TaggedState;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookLoader;
import dr.runbooks.RunbookResult;
import dr.runbooks.StepReport;
import dr.runbooks.actions.OperationsRun;
import dr.runbooks.builtin.Runbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupRunbookTest {
    private static final String STACK = "dr";

    @TempDir
    Path temp;
    private InMemoryCloud cloud;
    private OperationsRun run;

    @BeforeEach
    void readyStack() {
        cloud = ReadyStack.cloud();
        run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR), temp);
    }

    private static Runbook own(String yaml) {
        return new RunbookLoader(Runbooks.registry()).load(new StringReader(yaml), "my-cleanup.yaml");
    }

    @Test
    void theBuiltInRunbookDeletesTheWholeStackAndVerifiesIt() {
        assertThat(TaggedState.tagged(cloud, STACK)).isNotEmpty();

        RunbookResult result = run.run("cleanup");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(result.steps()).extracting(StepReport::status).containsOnly(StepReport.Status.DONE);
        assertThat(result.find("delete").orElseThrow().summary()).matches("deleted \\d+ resources");
        assertThat(result.find("report").orElseThrow().outputs()).containsEntry("stackGone", true);
        assertThat(TaggedState.tagged(cloud, STACK)).isEmpty();
    }

    @Test
    void theEntryPointListsOnlyOnADryRunAndOtherwiseHandsBackTheReportOfTheRunOnThePlanListed() {
        List<String> regions = List.of(ReadyStack.PRIMARY, ReadyStack.DR);
        long before = cloud.world().calls().mutating();

        CleanupOutcome listed = StackCleanup.run(new CleanupRequest(STACK, regions, false, true), run);

        assertThat(listed).isInstanceOf(CleanupOutcome.Listed.class);
        assertThat(((CleanupOutcome.Listed) listed).plan().inventory().size()).isGreaterThan(40);
        assertThat(cloud.world().calls().mutating()).as("a dry run deletes nothing").isEqualTo(before);

        CleanupOutcome ran = StackCleanup.run(new CleanupRequest(STACK, regions, true, false), run);

        assertThat(ran).isInstanceOf(CleanupOutcome.Ran.class);
        CleanupOutcome.Ran outcome = (CleanupOutcome.Ran) ran;
        assertThat(outcome.exitCode()).as(outcome.result().message()).isEqualTo(ExitCode.OK);
        assertThat(outcome.report().stackGone()).isTrue();
        assertThat(outcome.report().keptSnapshots()).as("--skip-final-snapshot reached the deletion").isEmpty();
        assertThat(outcome.report().deletedTotal()).isPositive();
        assertThat(Path.of(outcome.files().orElseThrow().json())).exists();
        assertThat(outcome.toJson().path("reportFiles").path("markdown").asText()).endsWith(".md");
        assertThat(TaggedState.tagged(cloud, STACK)).isEmpty();

        CleanupOutcome again = StackCleanup.run(new CleanupRequest(STACK, regions, false, false), run);

        assertThat(again).as("nothing left and nothing to resume: listed only").isInstanceOf(CleanupOutcome.Listed.class);
    }

    @Test
    void withoutApprovalNothingIsDeletedAndTheReportStillRuns() {
        long before = cloud.world().calls().mutating();

        RunbookResult result = run.yes(false).run("cleanup");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.find("delete").orElseThrow().status()).isEqualTo(StepReport.Status.SKIPPED);
        assertThat(result.find("report").orElseThrow().status()).isEqualTo(StepReport.Status.DONE);
        assertThat(cloud.world().calls().mutating()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 25, 60, 100})
    void aRunThatDiedMidwayIsResumedAndEndsWithNothingLeft(long change) {
        cloud.world().faults().crashAtMutatingCall(change, CrashPoint.AFTER_CALL);

        assertThatThrownBy(() -> run.run("cleanup")).isInstanceOf(SimulatedCrash.class);
        cloud.world().faults().noCrash();
        RunbookResult resumed = run.resume("cleanup");

        assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(ExitCode.OK);
        assertThat(resumed.find("discover").orElseThrow().status()).isEqualTo(StepReport.Status.ALREADY_DONE);
        assertThat(TaggedState.tagged(cloud, STACK)).isEmpty();
    }

    @Test
    void anOwnRunbookCanDeleteTheEdgeFirstAndTheRestAfterASecondApproval() {
        Runbook phased = own("""
                name: phased-cleanup
                steps:
                  - id: discover
                    type: discover-stack
                  - id: delete-edge
                    type: delete-resources
                    params:
                      kinds: [distribution, web-acl, record-set, health-check]
                  - id: before-the-databases
                    type: approval
                    params:
                      message: The databases go next.
                  - id: delete-rest
                    type: delete-resources
                  - id: verify
                    type: verify-clean
                """);

        RunbookResult result = run.runner(phased).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(TaggedState.tagged(cloud, STACK)).isEmpty();
    }

    @Test
    void aStepWhoseKindsNeedOthersGoneFirstFailsBeforeDeletingAnything() {
        Runbook wrongOrder = own("""
                name: wrong-order
                steps:
                  - id: delete-network-first
                    type: delete-resources
                    params:
                      kinds: [subnet, vpc]
                """);
        long before = cloud.world().calls().mutating();

        RunbookResult result = run.runner(wrongOrder).run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.message()).contains("must go first", "delete them in an earlier step");
        assertThat(cloud.world().calls().mutating()).isEqualTo(before);
    }

    @Test
    void anUnknownKindIsBadInputWithItsLine() {
        assertThatThrownBy(() -> own("""
                name: typo
                steps:
                  - id: delete
                    type: delete-resources
                    params:
                      kinds: [distribution, load-balancers]
                """))
                .isInstanceOfSatisfying(DrException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContaining("my-cleanup.yaml")
                .hasMessageContaining("line 6")
                .hasMessageContaining("'load-balancers'")
                .hasMessageContaining("load-balancer");
    }
}
