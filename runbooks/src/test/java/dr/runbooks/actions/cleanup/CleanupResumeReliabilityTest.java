package dr.runbooks.actions.cleanup;

import dr.core.ExitCode;
import dr.core.config.StackTarget;
import dr.core.engine.Journal;
import dr.regions.discovery.TaggedState;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.StepReport;
import dr.runbooks.actions.KilledRun;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dr cleanup --yes} killed right after each record its journal writes, then run again as an operator would
 * ({@link StackCleanup#run}: it resumes the unfinished run). Judged from the cloud: nothing with the stack's tag left.
 * Twice, as for promotion: with the cloud as the kill left it, and with the cloud having lost the killed run's
 * deletions (the sandbox that saved only when a command ended): believing the journal, the re-run skipped its delete
 * step and ended with the whole stack still there (issue 15).
 */
class CleanupResumeReliabilityTest {
    private static final String STACK = "dr";
    private static final StackTarget TARGET = OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR);
    private static final CleanupRequest REQUEST = new CleanupRequest(STACK, List.of(ReadyStack.PRIMARY,
            ReadyStack.DR), false, false);

    @TempDir
    Path temp;

    private List<Journal.Entry> recordsOfAWholeRun() throws IOException {
        OperationsRun clean = new OperationsRun(ReadyStack.cloud(), TARGET, Files.createTempDirectory(temp, "clean"));
        assertThat(StackCleanup.run(REQUEST, clean).exitCode()).isEqualTo(ExitCode.OK);
        return clean.journal(StackCleanup.RUNBOOK).readAll();
    }

    /** Kills the run right after its {@code n}-th journal record, then runs it again. */
    private KilledRun.Rerun<CleanupOutcome> killAfterRecordThenRunAgain(int n, boolean cloudLosesTheRun)
            throws IOException {
        return KilledRun.killAfterRecordThenRunAgain(ReadyStack.cloud(), TARGET,
                Files.createTempDirectory(temp, "killed-" + n + "-" + cloudLosesTheRun), n, cloudLosesTheRun,
                launcher -> StackCleanup.run(REQUEST, launcher));
    }

    private int convergedAfterAKillAtEveryRecord(boolean cloudLosesTheRun, int records) throws IOException {
        int converged = 0;
        for (int n = 1; n <= records; n++) {
            KilledRun.Rerun<CleanupOutcome> rerun = killAfterRecordThenRunAgain(n, cloudLosesTheRun);
            assertThat(rerun.outcome().exitCode()).as("re-run after a kill after record %d, cloud lost the run: %s",
                    n, cloudLosesTheRun).isEqualTo(ExitCode.OK);
            assertThat(TaggedState.tagged(rerun.cloud(), STACK)).as("left after a kill after record %d", n).isEmpty();
            converged++;
        }
        return converged;
    }

    @Test
    void killedAfterEveryJournalRecordARerunLeavesNothingOfTheStackAsTheCloudShows() throws IOException {
        int records = recordsOfAWholeRun().size();

        int convergedAsLeft = convergedAfterAKillAtEveryRecord(false, records);
        int convergedLost = convergedAfterAKillAtEveryRecord(true, records);

        System.out.printf("RELIABILITY cleanup killed after every journal record (%d), then run again, judged from "
                        + "the cloud: %d/%d left nothing of the stack with the cloud as the kill left it; %d/%d with "
                        + "the cloud having lost the killed run's deletions (each finished step re-checked)%n",
                records, convergedAsLeft, records, convergedLost, records);
        assertThat(convergedAsLeft).isEqualTo(records);
        assertThat(convergedLost).isEqualTo(records);
    }

    @Test
    void killedRightAfterTheDeletionFinishedWithTheCloudHavingLostItTheRerunDeletesAgain() throws IOException {
        List<Journal.Entry> whole = recordsOfAWholeRun();
        int deleteFinished = 0;
        while (!(whole.get(deleteFinished).type().equals("step-finished")
                && "delete".equals(whole.get(deleteFinished).key()))) {
            deleteFinished++;
        }

        KilledRun.Rerun<CleanupOutcome> rerun = killAfterRecordThenRunAgain(deleteFinished + 1, true);

        CleanupOutcome.Ran ran = (CleanupOutcome.Ran) rerun.outcome();
        assertThat(ran.result().find("delete").orElseThrow().status()).as("re-checked, then run again")
                .isEqualTo(StepReport.Status.DONE);
        assertThat(TaggedState.tagged(rerun.cloud(), STACK)).isEmpty();
        assertThat(new ArrayList<>(ran.report().remaining())).isEmpty();
    }
}
