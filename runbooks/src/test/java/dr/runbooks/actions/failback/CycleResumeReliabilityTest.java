package dr.runbooks.actions.failback;

import dr.core.ExitCode;
import dr.core.config.StackTarget;
import dr.core.engine.DurationFormat;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.actions.KilledRun;
import dr.runbooks.actions.OperationsRun;
import dr.runbooks.actions.cycle.FailoverCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dr reprotect} and {@code dr failback} killed right after each record their journal writes, then run again as
 * an operator would ({@link FailoverCycle#run}: it resumes the unfinished run). Judged from the cloud, not from the
 * journal: reprotected (a replica of the DR writer in the primary region, warm-standby sizes swapped) or back to normal
 * (the writer in the primary region, users served from it, the write freeze lifted), and ready in both cases. Twice, as
 * for promotion: with the cloud as the kill left it, and with the cloud having lost the killed run's changes.
 * A kill after the last record kills a failback that had finished: the operator's second {@code dr failback} is refused
 * (nothing is failed over) and the cloud is judged as for every other kill. {@link CycleCrashTest} kills the same runs
 * at each AWS change instead.
 */
class CycleResumeReliabilityTest {
    /** The last record of a run: a kill after it kills a run that had finished. */
    private static final String RUN_FINISHED = "runbook-finished";
    private static final StackTarget TARGET = OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR);

    @TempDir
    Path temp;

    @Test
    void reprotectKilledAfterEveryJournalRecordARerunEndsReprotectedAsTheCloudShows() throws IOException {
        String promoted = FailoverCycleTest.stackAfter(temp, "promote-replica");
        judgeEveryKill(FailoverCycle.REPROTECT, promoted, "reprotected", cloud -> {
            FailoverCycleTest.assertReprotected(cloud);
            FailoverCycleTest.assertReady(cloud);
        });
    }

    @Test
    void failbackKilledAfterEveryJournalRecordARerunEndsBackToNormalAndUnfrozenAsTheCloudShows() throws IOException {
        String reprotected = FailoverCycleTest.stackAfter(temp, "promote-replica", "reprotect");
        judgeEveryKill(FailoverCycle.FAILBACK, reprotected, "back to normal with the freeze lifted", cloud -> {
            FailoverCycleTest.assertBackToNormal(cloud);
            FailoverCycleTest.assertReady(cloud);
        });
    }

    private void judgeEveryKill(String runbook, String from, String ended, Consumer<InMemoryCloud> judge)
            throws IOException {
        int records = recordsOfAWholeRun(runbook, from);
        List<Duration> asLeft = new ArrayList<>();
        List<Duration> lost = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();

        int convergedAsLeft = convergedAfterAKillAtEveryRecord(runbook, from, false, records, judge, asLeft, failed, refused);
        int convergedLost = convergedAfterAKillAtEveryRecord(runbook, from, true, records, judge, lost, failed, refused);

        System.out.printf("RELIABILITY: %s killed after every journal record (%d), then run again, judged from the "
                        + "cloud: %d/%d %s with the cloud as the kill left it (longest re-run %s modeled); %d/%d with "
                        + "the cloud having lost the killed run's changes (longest re-run %s modeled)%n", runbook,
                records, convergedAsLeft, records, ended, longest(asLeft), convergedLost, records, longest(lost));
        if (!refused.isEmpty()) {
            System.out.printf("RELIABILITY: %s killed after its last record %s (the run had finished): the second run "
                    + "refused with a clear message, the cloud back to normal%n", runbook, refused);
        }
        assertThat(failed).as("kills after which a re-run did not end %s", ended).isEmpty();
        assertThat(convergedAsLeft).isEqualTo(records);
        assertThat(convergedLost).isEqualTo(records);
    }

    private int recordsOfAWholeRun(String runbook, String from) throws IOException {
        OperationsRun clean = new OperationsRun(new InMemoryCloud(SandboxStore.fromJson(from)), TARGET,
                Files.createTempDirectory(temp, runbook + "-clean"));
        assertThat(run(runbook, clean).exitCode()).isEqualTo(ExitCode.OK);
        int records = clean.journal(runbook).readAll().size();
        assertThat(records).as("records of a whole %s run", runbook).isGreaterThan(10);
        return records;
    }

    /** Each kill point in turn; one that does not converge is added to {@code failed}, with why, and not counted. */
    private int convergedAfterAKillAtEveryRecord(String runbook, String from, boolean cloudLosesTheRun, int records,
                                                 Consumer<InMemoryCloud> judge, List<Duration> times,
                                                 List<String> failed, List<Integer> refused) throws IOException {
        int converged = 0;
        for (int n = 1; n <= records; n++) {
            String kill = "after record " + n + ", cloud lost the run: " + cloudLosesTheRun;
            try {
                KilledRun.Rerun<FailoverCycle.Outcome> rerun = KilledRun.killAfterRecordThenRunAgain(
                        new InMemoryCloud(SandboxStore.fromJson(from)), TARGET,
                        Files.createTempDirectory(temp, runbook + "-killed-" + n + "-" + cloudLosesTheRun), n,
                        cloudLosesTheRun, launcher -> run(runbook, launcher));
                kill = "after record " + n + " (" + rerun.killedAfter() + "), cloud lost the run: " + cloudLosesTheRun;
                if (rerun.killedAfter().startsWith(RUN_FINISHED) && runbook.equals(FailoverCycle.FAILBACK)
                        && !cloudLosesTheRun) {
                    // The killed run had finished: the operator's second failback finds nothing failed over (the
                    // cloud judged below). With the cloud having lost it, the second run is a whole failback.
                    assertThat(rerun.outcome().result().message()).contains("is not failed over");
                    refused.add(n);
                } else {
                    assertThat(rerun.outcome().exitCode()).as(rerun.outcome().result().message())
                            .isEqualTo(ExitCode.OK);
                }
                judge.accept(rerun.cloud());
                times.add(rerun.modeled());
                converged++;
            } catch (AssertionError | RuntimeException notConverged) {
                failed.add(kill + ": " + notConverged.getMessage());
            }
        }
        return converged;
    }

    private static FailoverCycle.Outcome run(String runbook, OperationsRun launcher) {
        return FailoverCycle.run(TARGET, launcher, runbook, false);
    }

    private static String longest(List<Duration> times) {
        return times.stream().max(Duration::compareTo).map(DurationFormat::compact).orElse("none");
    }
}
