package dr.runbooks.actions.promote;

import dr.core.ExitCode;
import dr.core.config.StackTarget;
import dr.core.engine.DurationFormat;
import dr.core.engine.Journal;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.actions.KilledRun;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dr promote-replica} killed right after each record its journal writes, then run again as an operator would
 * ({@link ReplicaPromotion#run}: it resumes the unfinished run). Judged from the cloud, not from the journal: the
 * database writable and protected, DR at the primary's capacity, users on DR, the old primary fenced.
 *
 * <p>Twice: with the cloud as the kill left it (AWS, or the sandbox saved after every call), and with the cloud having
 * lost everything the killed run changed (the sandbox as it was, saved only when a command ended; on AWS, changes
 * someone undid meanwhile). Only the second needs the resume to check each finished step against the cloud: believing
 * the journal, it printed "Promoted" with the database still a replica and DR at one instance (issue 15).
 */
class PromoteResumeReliabilityTest {
    private static final StackTarget TARGET = OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR);

    @TempDir
    Path temp;

    private int recordsOfAWholeRun() throws IOException {
        OperationsRun clean = new OperationsRun(ReadyStack.cloud(), TARGET, Files.createTempDirectory(temp, "clean"));
        assertThat(ReplicaPromotion.run(TARGET, clean).exitCode()).isEqualTo(ExitCode.OK);
        return clean.journal(ReplicaPromotion.RUNBOOK).readAll().size();
    }

    /** Kills the run right after its {@code n}-th journal record, then runs it again. */
    private KilledRun.Rerun<PromotionOutcome> killAfterRecordThenRunAgain(int n, boolean cloudLosesTheRun)
            throws IOException {
        return KilledRun.killAfterRecordThenRunAgain(ReadyStack.cloud(), TARGET,
                Files.createTempDirectory(temp, "killed-" + n + "-" + cloudLosesTheRun), n, cloudLosesTheRun,
                launcher -> ReplicaPromotion.run(TARGET, launcher));
    }

    private int convergedAfterAKillAtEveryRecord(boolean cloudLosesTheRun, int records, List<Duration> times)
            throws IOException {
        int converged = 0;
        for (int n = 1; n <= records; n++) {
            KilledRun.Rerun<PromotionOutcome> rerun = killAfterRecordThenRunAgain(n, cloudLosesTheRun);
            assertThat(rerun.outcome().exitCode()).as("re-run after a kill after record %d (%s), cloud lost the run: "
                    + "%s", n, rerun.killedAfter(), cloudLosesTheRun).isEqualTo(ExitCode.OK);
            PromoteRunbookTest.assertDrTookOver(rerun.cloud(), ReadyStack.DR);
            PromoteRunbookTest.assertFenced(rerun.cloud(), ReadyStack.DR);
            times.add(rerun.modeled());
            converged++;
        }
        return converged;
    }

    @Test
    void killedAfterEveryJournalRecordARerunEndsPromotedAsTheCloudShows() throws IOException {
        int records = recordsOfAWholeRun();
        List<Duration> asLeft = new ArrayList<>();
        List<Duration> lost = new ArrayList<>();

        int convergedAsLeft = convergedAfterAKillAtEveryRecord(false, records, asLeft);
        int convergedLost = convergedAfterAKillAtEveryRecord(true, records, lost);

        System.out.printf("RELIABILITY promote killed after every journal record (%d), then run again, judged from "
                        + "the cloud: %d/%d promoted with the cloud as the kill left it (longest re-run %s modeled); "
                        + "%d/%d with the cloud having lost the killed run's changes (each finished step re-checked, "
                        + "longest re-run %s modeled)%n", records, convergedAsLeft, records,
                DurationFormat.compact(asLeft.stream().max(Duration::compareTo).orElseThrow()), convergedLost, records,
                DurationFormat.compact(lost.stream().max(Duration::compareTo).orElseThrow()));
        assertThat(convergedAsLeft).isEqualTo(records);
        assertThat(convergedLost).isEqualTo(records);
    }

    @Test
    void killedRightAfterScaleDrFinishedWithTheCloudHavingLostItTheRerunPromotesAndScalesRatherThanBelieveTheJournal()
            throws IOException {
        int scaleDrFinished = recordNumber("step-finished", "scale-dr");

        KilledRun.Rerun<PromotionOutcome> rerun = killAfterRecordThenRunAgain(scaleDrFinished, true);

        assertThat(rerun.killedAfter()).isEqualTo("step-finished scale-dr");
        DBInstance db = rerun.cloud().rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier(
                "dr-db-replica")).dbInstances().get(0);
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("promoted").isNull();
        PromoteRunbookTest.assertDrTookOver(rerun.cloud(), ReadyStack.DR);
        assertThat(rerun.outcome().result().step("promote").status()).as("re-checked, then done again")
                .isEqualTo(dr.runbooks.StepReport.Status.DONE);
        assertThat(rerun.outcome().result().step("scale-dr").status())
                .isEqualTo(dr.runbooks.StepReport.Status.DONE);
        assertThat(rerun.modeled()).as("no modeled hour of waiting for a promotion nobody asked for")
                .isLessThan(Duration.ofMinutes(30));
    }

    /** The 1-based place of a record in a whole run's journal. */
    private int recordNumber(String type, String key) throws IOException {
        OperationsRun clean = new OperationsRun(ReadyStack.cloud(), TARGET, Files.createTempDirectory(temp, "count"));
        ReplicaPromotion.run(TARGET, clean);
        List<Journal.Entry> entries = clean.journal(ReplicaPromotion.RUNBOOK).readAll();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).type().equals(type) && key.equals(entries.get(i).key())) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type + " " + key + " in " + entries);
    }
}
