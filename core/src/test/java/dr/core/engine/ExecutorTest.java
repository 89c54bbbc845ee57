package dr.core.engine;

import dr.core.clock.VirtualClock;
import dr.core.engine.StepOutcome.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dr.core.engine.FakeStep.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutorTest {
    /** The engine's longest poll interval: a waiting step is noticed done at most this late. */
    private static final Duration MAX_POLL = ExecutorSettings.defaults().maxPoll();
    private static final Instant START = VirtualClock.EPOCH;

    private final VirtualClock clock = new VirtualClock();
    private final RecordingListener listener = new RecordingListener();

    private ExecutionResult run(Step... steps) {
        return new Executor(clock, TestErrors.CLASSIFIER, listener).run(Plan.of(steps));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Nested
    class ModeledTime {
        @Test
        void independentWaitingStepsOverlap() {
            FakeStep east = step("us-east-1", "db-primary").takes(minutes(10));
            FakeStep west = step("us-west-2", "db-primary").takes(minutes(10));

            ExecutionResult result = run(east, west);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.duration()).isBetween(minutes(10), minutes(10).plus(MAX_POLL));
            assertThat(result.outcome(east.key()).startedAt()).isEqualTo(START);
            assertThat(result.outcome(west.key()).startedAt()).isEqualTo(START);
        }

        @Test
        void aChainTakesTheSumOfItsSteps() {
            FakeStep first = step("r", "first").takes(minutes(10));
            FakeStep second = step("r", "second").after(first).takes(minutes(5));

            ExecutionResult result = run(first, second);

            assertThat(result.duration()).isBetween(minutes(15), minutes(15).plus(MAX_POLL.multipliedBy(2)));
            assertThat(result.outcome(second.key()).startedAt())
                    .as("the second step starts the moment the first is seen done")
                    .isEqualTo(result.outcome(first.key()).finishedAt());
        }

        @Test
        void theSampleProvisionEndsWithinFivePercentOfItsCriticalPath() {
            Plan plan = SampleTopology.plan();

            ExecutionResult result = new Executor(clock, TestErrors.CLASSIFIER, listener).run(plan);

            Duration critical = CriticalPath.of(plan).total();
            assertThat(result.duration()).isBetween(critical, Duration.ofMillis((long) (critical.toMillis() * 1.05)));
        }

        @Test
        void aWaitingStepIsPolledWithGrowingIntervalsUpToTheCap() {
            FakeStep slow = step("r", "slow").takes(minutes(1));

            run(slow);

            List<Long> gaps = gapsInMillis(slow.executions());
            assertThat(gaps).startsWith(2000L, 3000L, 4500L, 6750L, 10_000L, 10_000L);
        }

        @Test
        void aStepAskingForALongerPauseIsNotPolledSooner() {
            FakeStep slow = step("r", "slow").takes(minutes(5)).pollAfter(minutes(1));

            run(slow);

            assertThat(gapsInMillis(slow.executions())).containsOnly(60_000L);
        }

        @Test
        void anImmediateStepTakesNoModeledTimeAndIsExecutedOnce() {
            FakeStep vpc = step("r", "vpc");

            ExecutionResult result = run(vpc);

            assertThat(result.duration()).isZero();
            assertThat(vpc.executions()).hasSize(1);
        }

        private static List<Long> gapsInMillis(List<Instant> times) {
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
            }
            return gaps;
        }
    }

    @Nested
    class Outcomes {
        @Test
        void eachStepReportsWhatItDidWithItsIdAndOutputs() {
            FakeStep vpc = step("us-east-1", "vpc").resultAction(Action.KEEP).output("cidr", "10.10.0.0/16");
            FakeStep subnet = step("us-east-1", "subnet").after(vpc);

            ExecutionResult result = run(vpc, subnet);

            StepOutcome outcome = result.outcome(vpc.key());
            assertThat(outcome.status()).isEqualTo(Status.DONE);
            assertThat(outcome.action()).isEqualTo(Action.KEEP);
            assertThat(outcome.resourceId()).isEqualTo("id-vpc");
            assertThat(outcome.resourceType()).isEqualTo("Test::vpc");
            assertThat(outcome.outputs()).containsEntry("cidr", "10.10.0.0/16");
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(result.countsByAction()).isEqualTo(Map.of(Action.KEEP, 1, Action.CREATE, 1));
            assertThat(result.outcomes()).extracting(StepOutcome::key).containsExactly(vpc.key(), subnet.key());
        }

        @Test
        void aStepReadsTheOutputsOfItsDependencies() {
            FakeStep vpc = step("us-east-1", "vpc");
            FakeStep subnet = step("us-east-1", "subnet").after(vpc).runs(context ->
                    StepResult.done(Action.CREATE, "subnet-in-" + context.require(StepKey.of("us-east-1", "vpc"), "id")));

            ExecutionResult result = run(vpc, subnet);

            assertThat(result.outcome(subnet.key()).resourceId()).isEqualTo("subnet-in-id-vpc");
        }

        @Test
        void readingTheOutputOfAStepNotDependedOnFailsTheStep() {
            FakeStep vpc = step("us-east-1", "vpc");
            FakeStep careless = step("us-east-1", "careless").runs(context ->
                    StepResult.done(Action.CREATE, context.require(StepKey.of("us-east-1", "vpc"), "id")));

            ExecutionResult result = run(vpc, careless);

            assertThat(result.outcome(careless.key()).message())
                    .contains("us-east-1/careless reads output 'id' of us-east-1/vpc, which it does not depend on");
        }

        @Test
        void listenerHearsEveryStepStartWaitAndFinishInOrder() {
            FakeStep slow = step("r", "slow").takes(Duration.ofSeconds(3));

            run(slow);

            assertThat(listener.events).containsExactly(
                    "started r/slow",
                    "status r/slow creating PT0S",
                    "status r/slow creating PT2S",
                    "done r/slow CREATE",
                    "finished");
            assertThat(listener.finished.succeeded()).isTrue();
        }

        @Test
        void jsonOutputsReachDependentsAsText() {
            FakeStep count = step("r", "count").runs(context -> StepResult.ran("counted",
                    Map.of("count", 3, "ids", List.of("a", "b"))));
            FakeStep reader = step("r", "reader").after(count).runs(context ->
                    StepResult.done(Action.CREATE, context.require(count.key(), "count") + " "
                            + context.require(count.key(), "ids")));

            ExecutionResult result = run(count, reader);

            assertThat(result.outcome(count.key()).resourceId()).isEqualTo("counted");
            assertThat(result.outcome(count.key()).action()).isEqualTo(Action.RUN);
            assertThat(result.outcome(reader.key()).resourceId()).isEqualTo("3 [a, b]");
        }
    }

    @Nested
    class PerRunState {
        /** Counts its calls in the run's state: "created" on the first call of a run, "kept" on later ones. */
        private final Step counting = step("r", "counting").runs(context -> {
            int[] calls = context.perRun(PerRunState.this, int[].class, () -> new int[1]);
            calls[0]++;
            return calls[0] < 3 ? StepResult.waiting("call " + calls[0])
                    : StepResult.done(Action.CREATE, "calls-" + calls[0]);
        });

        @Test
        void eachRunOfTheSamePlanStartsWithFreshState() {
            Plan plan = Plan.of(counting);
            Executor executor = new Executor(clock, TestErrors.CLASSIFIER, listener);

            ExecutionResult first = executor.run(plan);
            ExecutionResult second = executor.run(plan);

            assertThat(first.outcome(counting.key()).resourceId()).isEqualTo("calls-3");
            assertThat(second.outcome(counting.key()).resourceId()).as("not carried over from the first run")
                    .isEqualTo("calls-3");
        }

        @Test
        void ownersAndTypesKeepTheirOwnState() {
            RunState state = new RunState();
            Object one = new Object();
            Object other = new Object();

            StringBuilder first = state.get(one, StringBuilder.class, StringBuilder::new).append("x");

            assertThat(state.get(one, StringBuilder.class, StringBuilder::new)).isSameAs(first);
            assertThat(state.get(other, StringBuilder.class, StringBuilder::new)).isNotSameAs(first);
            assertThat(state.get(one, int[].class, () -> new int[1])).isNotNull();
        }
    }

    @Nested
    class Failures {
        @Test
        void dependentsOfAFailedStepAreSkippedWhileAnIndependentBranchFinishes() {
            FakeStep vpc = step("us-east-1", "vpc").failsWith("VpcLimitExceeded: too many VPCs");
            FakeStep subnet = step("us-east-1", "subnet").after(vpc);
            FakeStep route = step("us-east-1", "route").after(subnet);
            FakeStep drVpc = step("us-west-2", "vpc");
            FakeStep drDb = step("us-west-2", "db").after(drVpc).takes(minutes(5));

            ExecutionResult result = run(vpc, subnet, route, drVpc, drDb);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failed()).extracting(StepOutcome::key).containsExactly(vpc.key());
            assertThat(result.outcome(vpc.key()).message()).isEqualTo("VpcLimitExceeded: too many VPCs");
            assertThat(result.skipped()).extracting(StepOutcome::key).containsExactly(subnet.key(), route.key());
            assertThat(result.outcome(route.key()).message()).isEqualTo("not run: us-east-1/vpc failed");
            assertThat(result.outcome(route.key()).action()).isEqualTo(Action.SKIP);
            assertThat(result.outcome(route.key()).startedAt()).isNull();
            assertThat(subnet.executions()).isEmpty();
            assertThat(result.outcome(drDb.key()).status()).isEqualTo(Status.DONE);
            assertThat(result.duration()).isGreaterThanOrEqualTo(minutes(5));
        }

        @Test
        void aFatalErrorFailsTheStepWithTheClassifiersDescription() {
            FakeStep sg = step("us-east-1", "sg-web")
                    .throwsFirst(new TestErrors.Rejected("InvalidGroup.Duplicate: group exists"));

            ExecutionResult result = run(sg);

            StepOutcome outcome = result.outcome(sg.key());
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.message()).isEqualTo("Rejected: InvalidGroup.Duplicate: group exists");
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(sg.executions()).hasSize(1);
            assertThat(listener.events).contains("failed us-east-1/sg-web Rejected: InvalidGroup.Duplicate: group exists");
        }

        @Test
        void aStepStillWaitingAtItsTimeoutFails() {
            FakeStep stuck = step("us-west-2", "db-replica").takes(Duration.ofHours(2)).timeout(minutes(30));

            ExecutionResult result = run(stuck);

            StepOutcome outcome = result.outcome(stuck.key());
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.message()).isEqualTo("timed out after 30m00s (last status: creating)");
            assertThat(outcome.elapsed()).as("measured from the first execute, seen on time").isEqualTo(minutes(30));
        }

        @Test
        void theTimeoutCountsFromTheFirstExecuteNotFromThePlanStart() {
            FakeStep before = step("r", "before").takes(minutes(20));
            FakeStep after = step("r", "after").after(before).takes(minutes(20)).timeout(minutes(25));

            ExecutionResult result = run(before, after);

            assertThat(result.succeeded()).isTrue();
        }

        @Test
        void anErrorThrownByAStepPropagatesUntouched() {
            TestErrors.Crash crash = new TestErrors.Crash();
            FakeStep crashing = step("r", "crashing").throwsFirst(crash);
            FakeStep other = step("r", "other").takes(minutes(1));

            assertThatThrownBy(() -> run(other, crashing)).isSameAs(crash);
            assertThat(listener.finished).isNull();
        }
    }

    @Nested
    class Retries {
        @Test
        void throttlingIsRetriedWithGrowingJitteredBackoffUntilItSucceeds() {
            FakeStep vpc = step("r", "vpc")
                    .throwsFirst(new TestErrors.Throttled(), new TestErrors.Throttled(), new TestErrors.Throttled());

            ExecutionResult result = run(vpc);

            StepOutcome outcome = result.outcome(vpc.key());
            assertThat(outcome.status()).isEqualTo(Status.DONE);
            assertThat(outcome.attempts()).isEqualTo(4);
            assertThat(vpc.executions()).hasSize(4);
            assertThat(listener.retryDelays).hasSize(3);
            assertThat(listener.retryDelays.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(listener.retryDelays.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
            assertThat(listener.retryDelays.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            assertThat(result.duration()).isEqualTo(listener.retryDelays.stream().reduce(Duration.ZERO, Duration::plus));
            assertThat(listener.events).contains("retry r/vpc Throttled: Rate exceeded " + listener.retryDelays.get(0));
        }

        @Test
        void throttlingThatNeverEndsFailsAfterTheRetryLimit() {
            FakeStep vpc = step("r", "vpc");
            for (int i = 0; i < 20; i++) {
                vpc.throwsFirst(new TestErrors.Throttled());
            }

            StepOutcome outcome = run(vpc).outcome(vpc.key());

            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.message()).isEqualTo("Throttled: Rate exceeded (gave up after 8 retries)");
            assertThat(outcome.attempts()).isEqualTo(9);
        }

        @Test
        void aResourceNotYetVisibleIsRetriedWithoutJitter() {
            FakeStep route = step("r", "route").reportsCreate("rtb-1")
                    .throwsFirst(new TestErrors.NotVisible("rtb-1"), new TestErrors.NotVisible("rtb-1"));

            ExecutionResult result = run(route);

            assertThat(result.outcome(route.key()).attempts()).isEqualTo(3);
            assertThat(listener.retryDelays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }

        @Test
        void aTransientErrorIsRetriedThreeTimesThenFailsTheStep() {
            FakeStep flaky = step("r", "flaky").throwsFirst(new TestErrors.Flaky(), new TestErrors.Flaky(),
                    new TestErrors.Flaky(), new TestErrors.Flaky());

            StepOutcome outcome = run(flaky).outcome(flaky.key());

            assertThat(outcome.message()).isEqualTo("Flaky: connection reset (gave up after 3 retries)");
            assertThat(flaky.executions()).hasSize(4);
        }

        @Test
        void retriesOfAWaitingStepCountOnlyErrorsInARow() {
            List<Throwable> errors = new ArrayList<>();
            int[] calls = {0};
            FakeStep db = step("r", "db").runs(context -> {
                calls[0]++;
                if (calls[0] % 2 == 0) {
                    TestErrors.Flaky flaky = new TestErrors.Flaky();
                    errors.add(flaky);
                    throw flaky;
                }
                return context.clock().now().isBefore(START.plus(minutes(10)))
                        ? StepResult.waiting("creating") : StepResult.done(Action.CREATE, "db-1");
            });

            StepOutcome outcome = run(db).outcome(db.key());

            assertThat(errors).as("more errors in total than the transient limit").hasSizeGreaterThan(3);
            assertThat(outcome.status()).isEqualTo(Status.DONE);
            assertThat(outcome.attempts()).isEqualTo(errors.size() + 1);
        }

        @Test
        void aStepRetryingPastItsTimeoutFailsAsTimedOut() {
            ExecutorSettings patient = ExecutorSettings.defaults().withRetries(ErrorClassifier.Kind.THROTTLED,
                    new RetryPolicy(1000, Duration.ofMinutes(1), Duration.ofMinutes(1), false));
            FakeStep vpc = step("r", "vpc").timeout(minutes(5));
            for (int i = 0; i < 100; i++) {
                vpc.throwsFirst(new TestErrors.Throttled());
            }

            ExecutionResult result = new Executor(clock, TestErrors.CLASSIFIER, listener, patient).run(Plan.of(vpc));

            assertThat(result.outcome(vpc.key()).message())
                    .isEqualTo("timed out after 5m00s (last error: Throttled: Rate exceeded)");
            assertThat(result.duration()).isEqualTo(minutes(5));
        }
    }

    /** "Not found" is eventual consistency only shortly after a create of this run; otherwise it is a wrong id. */
    @Nested
    class NotFound {
        @Test
        void aWrongIdWithNoCreateInThisRunFailsAtOnceWithTheFullError() {
            FakeStep builder = step("us-east-1", "builder-web").timeout(minutes(60))
                    .throwsFirst(new TestErrors.NotVisible("ami-0wrong"));

            ExecutionResult result = run(builder);

            StepOutcome outcome = result.outcome(builder.key());
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.message()).isEqualTo("NotVisible: InvalidVpcID.NotFound: ami-0wrong");
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(result.duration()).isZero();
            assertThat(listener.retryDelays).isEmpty();
        }

        @Test
        void aStepsOwnFreshResourceBrieflyInvisibleIsRetriedUntilItAppears() {
            FakeStep nat = step("us-east-1", "nat-a").reportsCreate("nat-1")
                    .throwsFirst(new TestErrors.NotVisible("nat-1"), new TestErrors.NotVisible("nat-1"),
                            new TestErrors.NotVisible("nat-1"));

            StepOutcome outcome = run(nat).outcome(nat.key());

            assertThat(outcome.status()).isEqualTo(Status.DONE);
            assertThat(outcome.attempts()).isEqualTo(4);
        }

        @Test
        void aResourceADependencyJustCreatedIsRetriedUntilItAppears() {
            FakeStep vpc = step("us-east-1", "vpc");
            FakeStep subnet = step("us-east-1", "subnet").after(vpc)
                    .throwsFirst(new TestErrors.NotVisible("vpc-1"), new TestErrors.NotVisible("vpc-1"));

            ExecutionResult result = run(vpc, subnet);

            assertThat(result.outcome(subnet.key()).status()).isEqualTo(Status.DONE);
            assertThat(result.outcome(subnet.key()).attempts()).isEqualTo(3);
        }

        @Test
        void aDependencyThatFoundItsResourceExplainsNoNotFound() {
            FakeStep vpc = step("us-east-1", "vpc").resultAction(Action.KEEP);
            FakeStep subnet = step("us-east-1", "subnet").after(vpc).throwsFirst(new TestErrors.NotVisible("vpc-1"));

            StepOutcome outcome = run(vpc, subnet).outcome(subnet.key());

            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(1);
        }

        @Test
        void aNotFoundLongAfterTheCreateIsAWrongIdNotEventualConsistency() {
            FakeStep db = step("us-east-1", "db").runs(context -> {
                if (context.clock().now().equals(START)) {
                    context.created("db-1");
                }
                if (context.clock().now().isBefore(START.plus(minutes(10)))) {
                    return StepResult.waiting("creating");
                }
                throw new TestErrors.NotVisible("db-1");
            });

            ExecutionResult result = run(db);

            StepOutcome outcome = result.outcome(db.key());
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.message()).isEqualTo("NotVisible: InvalidVpcID.NotFound: db-1");
            assertThat(Duration.between(outcome.startedAt(), outcome.finishedAt()))
                    .isLessThan(minutes(10).plus(MAX_POLL));
            assertThat(listener.retryDelays).isEmpty();
        }

        @Test
        void theWindowIsASetting() {
            FakeStep nat = step("us-east-1", "nat-a").reportsCreate("nat-1")
                    .throwsFirst(new TestErrors.NotVisible("nat-1"), new TestErrors.NotVisible("nat-1"),
                            new TestErrors.NotVisible("nat-1"));
            ExecutorSettings narrow = ExecutorSettings.defaults().withNotFoundWindow(Duration.ofMillis(1500));

            StepOutcome outcome = new Executor(clock, TestErrors.CLASSIFIER, listener, narrow).run(Plan.of(nat))
                    .outcome(nat.key());

            assertThat(outcome.status()).as("errors at 0s and 1s retried; at 3s the window had closed")
                    .isEqualTo(Status.FAILED);
            assertThat(outcome.attempts()).isEqualTo(3);
            assertThat(Duration.between(outcome.startedAt(), outcome.finishedAt())).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Nested
    class Determinism {
        @Test
        void twoRunsOfTheSamePlanOnFreshClocksTakeExactlyTheSameTimes() {
            assertThat(timings(runOnce())).isEqualTo(timings(runOnce()));
        }

        @Test
        void aDifferentSeedChangesTheJitter() {
            ExecutionResult seeded = runOnce();
            ExecutionResult reseeded = new Executor(new VirtualClock(), TestErrors.CLASSIFIER, ProgressListener.NONE,
                    ExecutorSettings.defaults().withSeed(7)).run(throttledPlan());

            assertThat(reseeded.succeeded()).isTrue();
            assertThat(reseeded.duration()).isNotEqualTo(seeded.duration());
        }

        private ExecutionResult runOnce() {
            return new Executor(new VirtualClock(), TestErrors.CLASSIFIER, ProgressListener.NONE).run(throttledPlan());
        }

        private Plan throttledPlan() {
            FakeStep vpc = step("us-east-1", "vpc").throwsFirst(new TestErrors.Throttled(), new TestErrors.Throttled());
            FakeStep db = step("us-east-1", "db").after(vpc).takes(minutes(12))
                    .throwsFirst(new TestErrors.Throttled());
            FakeStep drVpc = step("us-west-2", "vpc").throwsFirst(new TestErrors.Throttled());
            FakeStep replica = step("us-west-2", "replica").after(db, drVpc).takes(minutes(20));
            return Plan.of(vpc, db, drVpc, replica);
        }

        private List<String> timings(ExecutionResult result) {
            List<String> timings = new ArrayList<>();
            result.outcomes().forEach(outcome -> timings.add(
                    outcome.key() + " " + outcome.startedAt() + " " + outcome.finishedAt() + " " + outcome.attempts()));
            timings.add("total " + result.duration());
            return timings;
        }
    }
}
