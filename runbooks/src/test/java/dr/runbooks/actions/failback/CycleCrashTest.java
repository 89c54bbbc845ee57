package dr.runbooks.actions.failback;

import dr.core.ExitCode;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.RunbookResult;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reprotect and failback killed at every change they make (the process dies after AWS applied the call and before it
 * saw the answer, the harder case), then run again: the resumed run converges to the same stack as an uninterrupted
 * one, with the freeze lifted. The promote-replica and cleanup crash tests use the same harness.
 */
class CycleCrashTest {
    @TempDir
    Path temp;

    @Test
    void reprotectResumedAfterDyingAtAnyChangeEndsReprotected() throws IOException {
        long changes = killAtEveryChange(FailoverCycleTest.stackAfter(temp, "promote-replica"), "reprotect", 5,
                "retire tag, secret off, the replica, group sizes, the db name, the policy",
                FailoverCycleTest::assertReprotected);
        System.out.println("RELIABILITY: reprotect killed at each of its " + changes + " changes, resumed: "
                + changes + "/" + changes + " converged");
    }

    @Test
    void failbackResumedAfterDyingAtAnyChangeEndsBackToNormalAndUnfrozen() throws IOException {
        long changes = killAtEveryChange(FailoverCycleTest.stackAfter(temp, "promote-replica", "reprotect"),
                "failback", 10, "freeze, promotion, tags, protection, edge, sizes, the DR replica, unfreeze",
                FailoverCycleTest::assertBackToNormal);
        System.out.println("RELIABILITY: failback killed at each of its " + changes + " changes, resumed: "
                + changes + "/" + changes + " converged, freeze lifted");
    }

    /** Kills {@code runbook} at each of its changes in turn, resumes it, and checks the end state each time. */
    private long killAtEveryChange(String from, String runbook, long atLeast, String whatChanges,
                                   Consumer<InMemoryCloud> endState) throws IOException {
        long changes = changesOfAWholeRun(from, runbook);
        assertThat(changes).as(whatChanges).isGreaterThanOrEqualTo(atLeast);
        for (long n = 1; n <= changes; n++) {
            InMemoryCloud cloud = crashAndResume(from, runbook, n);
            endState.accept(cloud);
            FailoverCycleTest.assertReady(cloud);
        }
        return changes;
    }

    private long changesOfAWholeRun(String from, String runbook) throws IOException {
        InMemoryCloud cloud = new InMemoryCloud(SandboxStore.fromJson(from));
        FailoverCycleTest.ok(new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                Files.createTempDirectory(temp, "clean")).run(runbook));
        return cloud.world().faults().mutatingCalls();
    }

    private InMemoryCloud crashAndResume(String from, String runbook, long change) throws IOException {
        InMemoryCloud cloud = new InMemoryCloud(SandboxStore.fromJson(from));
        OperationsRun run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                Files.createTempDirectory(temp, runbook + "-crash-" + change));
        cloud.world().faults().crashAtMutatingCall(change, CrashPoint.AFTER_CALL);
        assertThatThrownBy(() -> run.run(runbook)).as("crash at change %d", change)
                .isInstanceOf(SimulatedCrash.class);
        cloud.world().faults().noCrash();
        RunbookResult resumed = run.resume(runbook);
        assertThat(resumed.exitCode()).as("%s resumed after a crash at change %d: %s", runbook, change,
                resumed.message()).isEqualTo(ExitCode.OK);
        return cloud;
    }
}
