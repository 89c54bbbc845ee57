package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.clock.VirtualClock;
import dr.core.engine.Journal;
import dr.runbooks.StepReport.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookRunnerTest {
    private final VirtualClock clock = new VirtualClock();
    private final TestSteps steps = new TestSteps();
    private Journal journal;

    @BeforeEach
    void openJournal(@TempDir Path dir) {
        journal = new Journal(dir.resolve("run.jsonl"), clock);
    }

    private RunbookContext.Builder context() {
        return RunbookContext.builder().clock(clock).journal(journal).yes(true);
    }

    private RunbookResult run(Runbook runbook) {
        return new RunbookRunner(runbook, context().build()).run();
    }

    private long journaled(String type) {
        return journal.readAll().stream().filter(entry -> entry.type().equals(type)).count();
    }

    @Nested
    class InOrder {
        @Test
        void runsEveryStepOnceInOrderAndSucceeds() {
            RunbookResult result = run(steps.runbook("a:record", "b:record", "c:record:always"));

            assertThat(steps.calls).containsExactly("a", "b", "c");
            assertThat(result.succeeded()).isTrue();
            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.steps()).extracting(StepReport::status).containsOnly(Status.DONE);
            assertThat(result.step("a").outputs()).containsEntry("value", "v");
            assertThat(journaled(RunJournal.STEP_FINISHED)).isEqualTo(3);
            assertThat(JournaledRun.last(journal)).get().satisfies(last -> {
                assertThat(last.finished()).isTrue();
                assertThat(last.succeeded()).isTrue();
            });
        }

        @Test
        void aFailedCheckEndsTheRunWithItsExitCode() {
            Runbook runbook = steps.load("""
                    name: check
                    steps:
                      - id: check
                        type: fail
                        params: {exit-code: NOT_READY}
                      - id: report
                        type: record
                        always: true
                    """);

            RunbookResult result = run(runbook);

            assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
            assertThat(result.message()).startsWith("check: step 'check' failed: it failed on purpose");
            assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(DrException.class,
                    error -> assertThat(error.exitCode()).isEqualTo(ExitCode.NOT_READY));
        }

        @Test
        void aRunnerRunsOnce() {
            RunbookRunner runner = new RunbookRunner(steps.runbook("a:record"), context().build());
            runner.run();

            assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class AlwaysSteps {
        @Test
        void runAfterAFailedStepWhileTheOthersAreSkipped() {
            RunbookResult result = run(steps.runbook("a:record", "b:fail", "c:record", "d:record:always"));

            assertThat(steps.calls).containsExactly("a", "b", "d");
            assertThat(result.step("c").status()).isEqualTo(Status.SKIPPED);
            assertThat(result.step("c").summary()).isEqualTo("not run: step 'b' failed");
            assertThat(result.step("d").status()).isEqualTo(Status.DONE);
            assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(result.message()).isEqualTo("test: step 'b' failed: it failed on purpose (always-steps done: d)");
        }

        @Test
        void runAfterAnActionThrows() {
            RunbookResult result = run(steps.runbook("a:record", "b:throw", "c:record", "d:record:always"));

            assertThat(steps.calls).containsExactly("a", "b", "d");
            assertThat(result.step("b").status()).isEqualTo(Status.FAILED);
            assertThat(result.step("b").summary()).contains("boom");
            assertThat(result.step("d").status()).isEqualTo(Status.DONE);
        }

        @Test
        void runWhenAnExceptionEscapesTheRunnerAndTheExceptionStillPropagates() {
            RunbookRunner runner = new RunbookRunner(steps.runbook("a:bad-output", "b:record", "c:record:always"),
                    context().build());

            assertThatThrownBy(runner::run).isInstanceOf(IllegalArgumentException.class);
            assertThat(steps.calls).as("the journal cannot write a's outputs; c still runs").containsExactly("a", "c");
            assertThat(runner.snapshot().step("c").status()).isEqualTo(Status.DONE);
        }

        @Test
        void aFailingAlwaysStepDoesNotStopTheNextOne() {
            RunbookResult result = run(steps.runbook("a:fail", "b:fail:always", "c:record:always"));

            assertThat(steps.calls).containsExactly("a", "b", "c");
            assertThat(result.failed()).extracting(StepReport::id).containsExactly("a", "b");
        }
    }

    @Nested
    class Interruption {
        private final AtomicReference<RunbookRunner> runner = new AtomicReference<>();

        private RunbookRunner runnerWithHook(Runbook runbook, Runnable hook) {
            runner.set(new RunbookRunner(runbook, context().attribute("hook", hook).build()));
            return runner.get();
        }

        @Test
        void runsThePendingAlwaysStepsExactlyOnceAndStopsTheWaitingStep() {
            Runbook runbook = steps.load("""
                    name: drill
                    steps:
                      - id: inject
                        type: record
                      - id: observe
                        type: hook
                        params: {polls: 5}
                      - id: restore
                        type: record
                        always: true
                      - id: failback
                        type: record
                      - id: report
                        type: record
                        always: true
                    """);
            AtomicReference<RunbookResult> fromHook = new AtomicReference<>();
            RunbookRunner drill = runnerWithHook(runbook, () -> fromHook.set(runner.get().interrupt()));

            RunbookResult result = drill.run();

            assertThat(fromHook.get().step("restore").status()).as("the hook returns once restore is done")
                    .isEqualTo(Status.DONE);
            assertThat(steps.calls).containsExactly("inject", "observe", "restore", "report");
            assertThat(result.step("observe").status()).isEqualTo(Status.INTERRUPTED);
            assertThat(result.step("failback").status()).isEqualTo(Status.SKIPPED);
            assertThat(result.interrupted()).isTrue();
            assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(result.message()).isEqualTo("drill: interrupted during 'observe' (always-steps done: restore, report)");
            assertThat(journaled(RunJournal.RUN_INTERRUPTED)).isEqualTo(1);

            drill.interrupt();
            assertThat(steps.calls).as("a second interrupt runs nothing again").hasSize(4);
        }

        @Test
        void fromAnotherThreadWaitsForTheAlwaysStepTheRunIsInInsteadOfRunningItAgain() throws Exception {
            AtomicReference<Thread> hookThread = new AtomicReference<>();
            RunbookRunner drill = runnerWithHook(steps.runbook("a:fail", "restore:hook:always", "report:record:always"),
                    () -> {
                        Thread ctrlC = new Thread(() -> runner.get().interrupt(), "shutdown-hook");
                        hookThread.set(ctrlC);
                        ctrlC.start();
                        awaitWaiting(ctrlC);
                    });

            RunbookResult result = drill.run();
            hookThread.get().join(TimeUnit.SECONDS.toMillis(10));

            assertThat(hookThread.get().isAlive()).isFalse();
            assertThat(steps.calls).containsExactly("a", "restore", "report");
            assertThat(result.step("restore").status()).isEqualTo(Status.DONE);
            assertThat(result.step("report").status()).isEqualTo(Status.DONE);
        }

        @Test
        void beforeTheRunStartsDoesNothing() {
            RunbookRunner drill = new RunbookRunner(steps.runbook("a:record", "b:record:always"), context().build());

            RunbookResult snapshot = drill.interrupt();

            assertThat(steps.calls).isEmpty();
            assertThat(snapshot.steps()).extracting(StepReport::status).containsOnly(Status.PENDING);
            assertThat(drill.run().succeeded()).isTrue();
        }

        @Test
        void afterTheRunCompletedDoesNothing() {
            RunbookRunner drill = new RunbookRunner(steps.runbook("a:record", "b:record:always"), context().build());
            drill.run();

            RunbookResult after = drill.interrupt();

            assertThat(steps.calls).containsExactly("a", "b");
            assertThat(after.succeeded()).isTrue();
            assertThat(journaled(RunJournal.RUN_INTERRUPTED)).isZero();
        }

        /** Until {@code thread} blocks waiting for the step this thread is running. */
        private void awaitWaiting(Thread thread) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (thread.getState() != Thread.State.WAITING && thread.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the hook thread never waited for the running always-step");
                }
                Thread.onSpinWait();
            }
        }
    }

    @Nested
    class ResumeAndRecover {
        private Runbook crashing() {
            return steps.load("""
                    name: drill
                    steps:
                      - id: save
                        type: save
                        params: {value: sg-rules}
                      - id: inject
                        type: record
                        params: {value: revoked}
                      - id: observe
                        type: crash
                      - id: echo
                        type: echo
                        params: {from: inject}
                      - id: restore
                        type: read-saved
                        always: true
                    """);
        }

        private void crashOnce(Runbook runbook) {
            assertThatThrownBy(() -> run(runbook)).isInstanceOf(TestSteps.Crash.class);
            assertThat(steps.calls).as("a crash runs nothing more, not even always-steps")
                    .containsExactly("save", "inject", "observe");
        }

        @Test
        void resumeSkipsStepsJournaledAsFinishedAndKeepsTheirOutputs() {
            Runbook runbook = crashing();
            crashOnce(runbook);
            steps.calls.clear();

            RunbookResult resumed = new RunbookRunner(runbook, context().build()).resume();

            assertThat(steps.calls).containsExactly("observe", "echo", "restore");
            assertThat(resumed.step("save").status()).isEqualTo(Status.ALREADY_DONE);
            assertThat(resumed.step("inject").status()).isEqualTo(Status.ALREADY_DONE);
            assertThat(resumed.step("echo").outputs()).as("outputs of a step finished before the crash")
                    .containsEntry("value", "revoked");
            assertThat(resumed.step("restore").outputs()).as("records journaled before the crash")
                    .containsEntry("values", List.of("sg-rules"));
            assertThat(resumed.succeeded()).isTrue();
            assertThat(JournaledRun.last(journal)).get().extracting(JournaledRun::succeeded).isEqualTo(true);
        }

        private Runbook ensuring() {
            return steps.load("""
                    name: promote
                    steps:
                      - id: promote
                        type: ensure
                        params: {value: writable}
                      - id: scale
                        type: ensure
                        params: {value: scaled}
                      - id: looked
                        type: record
                      - id: observe
                        type: crash
                      - id: report
                        type: echo
                        always: true
                        params: {from: promote}
                    """);
        }

        private void crashAfterEnsuring(Runbook runbook) {
            assertThatThrownBy(() -> run(runbook)).isInstanceOf(TestSteps.Crash.class);
            assertThat(steps.cloud).containsExactlyInAnyOrder("writable", "scaled");
            steps.calls.clear();
        }

        @Test
        void aFinishedStepWhoseWorkTheCloudLostRunsAgainOnResume() {
            Runbook runbook = ensuring();
            crashAfterEnsuring(runbook);
            steps.cloud.remove("writable"); // the journal says promoted; the cloud says it is not

            RunbookResult resumed = new RunbookRunner(runbook, context().build()).resume();

            assertThat(steps.calls).containsExactly("promote", "observe", "report");
            assertThat(steps.cloud).contains("writable");
            assertThat(resumed.step("promote").status()).isEqualTo(Status.DONE);
            assertThat(resumed.step("scale").status()).as("it holds: stays as journaled").isEqualTo(Status.ALREADY_DONE);
            assertThat(resumed.step("looked").status()).as("no postcondition: the journal is believed")
                    .isEqualTo(Status.ALREADY_DONE);
            assertThat(resumed.step("report").outputs()).as("the redone step's outputs").containsEntry("value", "writable");
            assertThat(resumed.succeeded()).isTrue();
            assertThat(journal.readAll()).filteredOn(entry -> entry.type().equals(RunJournal.STEP_CHECKED))
                    .extracting(entry -> entry.key() + " " + entry.data().get("holds") + " "
                            + entry.data().getOrDefault("reason", ""))
                    .containsExactly("promote false writable is not in the cloud", "scale true ");
        }

        @Test
        void aStepWhosePostconditionCannotBeCheckedRunsAgain() {
            Runbook runbook = ensuring();
            crashAfterEnsuring(runbook);
            steps.cloudReadable = false;

            RunbookResult resumed = new RunbookRunner(runbook, context().build()).resume();

            assertThat(steps.calls).containsExactly("promote", "scale", "observe", "report");
            assertThat(resumed.succeeded()).isTrue();
            assertThat(journal.readAll()).filteredOn(entry -> entry.type().equals(RunJournal.STEP_CHECKED))
                    .extracting(entry -> entry.data().get("reason"))
                    .containsOnly("cannot be checked: the cloud does not answer");
        }

        @Test
        void aStepFoundUndoneIsNoLongerFinishedInTheJournalEvenIfTheResumeDiesRedoingIt() {
            Runbook runbook = ensuring();
            crashAfterEnsuring(runbook);
            steps.cloud.remove("writable");
            steps.ensureDies = true;

            assertThatThrownBy(() -> new RunbookRunner(runbook, context().build()).resume())
                    .isInstanceOf(TestSteps.Crash.class);

            assertThat(JournaledRun.last(journal).orElseThrow().finishedSteps()).doesNotContainKey("promote")
                    .containsKey("scale");
        }

        @Test
        void aRecheckThatHoldsCallsNothingAgainAndKeepsTheOriginalTimes() {
            Runbook runbook = ensuring();
            Instant before = clock.now();
            crashAfterEnsuring(runbook);
            clock.advance(Duration.ofHours(1));

            RunbookResult resumed = new RunbookRunner(runbook, context().build()).resume();

            assertThat(steps.calls).containsExactly("observe", "report");
            assertThat(resumed.step("promote").status()).isEqualTo(Status.ALREADY_DONE);
            assertThat(resumed.step("promote").finishedAt()).as("the time it was done, not the time it was checked")
                    .isEqualTo(before);
        }

        @Test
        void recoverRunsOnlyTheAlwaysStepsTheCrashedRunNeverFinished() {
            Runbook runbook = crashing();
            crashOnce(runbook);
            steps.calls.clear();
            assertThat(JournaledRun.last(journal).orElseThrow().pendingAlwaysSteps()).containsExactly("restore");

            RunbookResult recovered = new RunbookRunner(runbook, context().build()).recover();

            assertThat(steps.calls).containsExactly("restore");
            assertThat(recovered.step("observe").status()).isEqualTo(Status.SKIPPED);
            assertThat(recovered.step("restore").outputs()).containsEntry("values", List.of("sg-rules"));
            assertThat(recovered.succeeded()).isTrue();
            assertThat(JournaledRun.last(journal).orElseThrow().pendingAlwaysSteps()).isEmpty();
        }

        @Test
        void aNewRunIsRefusedWhileTheLastRunsAlwaysStepsArePending() {
            Runbook runbook = crashing();
            crashOnce(runbook);

            assertThatThrownBy(() -> run(runbook)).isInstanceOfSatisfying(DrException.class, error -> {
                assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                assertThat(error.getMessage()).contains("stopped before its always-steps finished (restore)")
                        .contains("recover it first");
            });
        }

        @Test
        void thereIsNothingToResumeAfterASuccessfulRun() {
            Runbook runbook = steps.runbook("a:record");
            run(runbook);

            assertThatThrownBy(() -> new RunbookRunner(runbook, context().build()).resume())
                    .isInstanceOfSatisfying(DrException.class, error -> assertThat(error.getMessage())
                            .startsWith("nothing to resume: the last run of 'test'"));
        }

        @Test
        void resumeRefusesTheJournalOfAnotherRunbook() {
            run(steps.runbook("a:record", "b:fail"));

            Runbook other = steps.load("name: other\nsteps:\n  - id: a\n    type: record\n");
            assertThatThrownBy(() -> new RunbookRunner(other, context().build()).resume())
                    .isInstanceOfSatisfying(DrException.class, error -> assertThat(error.getMessage())
                            .contains("is of 'test', not 'other'"));
        }
    }

    @Nested
    class Waiting {
        @Test
        void aWaitStepAdvancesTheVirtualClockByExactlyItsDuration() {
            Runbook runbook = steps.load("""
                    name: pause
                    steps:
                      - id: settle
                        type: wait
                        params: {duration: 7m, reason: DNS TTL}
                    """);
            Instant before = clock.now();

            RunbookResult result = run(runbook);

            assertThat(Duration.between(before, clock.now())).isEqualTo(Duration.ofMinutes(7));
            assertThat(result.step("settle").elapsed()).isEqualTo(Duration.ofMinutes(7));
            assertThat(result.step("settle").summary()).isEqualTo("waited 7m (DNS TTL)");
        }

        @Test
        void aStepStillWaitingAtItsTimeoutFailsAndTheAlwaysStepsRun() {
            Runbook runbook = steps.load("""
                    name: slow
                    steps:
                      - id: observe
                        type: hook
                        timeout: 1m
                        params: {polls: 1000}
                      - id: restore
                        type: record
                        always: true
                    """);

            RunbookResult result = run(runbook);

            assertThat(result.step("observe").status()).isEqualTo(Status.FAILED);
            assertThat(result.step("observe").summary()).startsWith("timed out after 1m");
            assertThat(result.step("observe").elapsed()).isEqualTo(Duration.ofMinutes(1));
            assertThat(result.step("restore").status()).isEqualTo(Status.DONE);
        }
    }
}
