package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.model.ModeledDurations;
import dr.regions.drill.DrillStacks;
import dr.regions.drill.EdgeProbe;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.runbooks.RunbookResult;
import dr.runbooks.RunbookRunner;
import dr.runbooks.StepReport.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failover-drill runbook end to end on a provisioned sandbox stack with --domain example.com. */
class FailoverDrillRunbookTest {
    private static final Duration DETECTION = Duration.ofSeconds(20);
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private DrillHarness harness() {
        return new DrillHarness(DrillStacks.withDomain(), temp);
    }

    private static JsonNode reportJson(DrillHarness harness) throws Exception {
        return harness.reportJson();
    }

    /** Drills interrupted by the Interrupted tests, and those of them whose saved ingress came back exactly. */
    private static final AtomicInteger INTERRUPTED_DRILLS = new AtomicInteger();
    private static final AtomicInteger RESTORED_DRILLS = new AtomicInteger();

    @AfterAll
    static void printTheInterruptionFigure() {
        if (INTERRUPTED_DRILLS.get() > 0) {
            System.out.printf("RELIABILITY drill interrupted in each phase (injection, observation, restore; crash "
                    + "or interrupt): saved ingress restored in %d/%d cases%n", RESTORED_DRILLS.get(),
                    INTERRUPTED_DRILLS.get());
        }
    }

    /** The final check of an interrupted drill, counted for the reliability figure. */
    private static void assertRestoredAndCount(DrillHarness harness) {
        if (harness.ingressOfEveryGroup().equals(harness.originalIngress) && !harness.healthCheckInverted()) {
            RESTORED_DRILLS.incrementAndGet();
        }
        assertRestored(harness);
    }

    private static void assertRestored(DrillHarness harness) {
        assertThat(harness.ingressOfEveryGroup()).as("every security group holds exactly its original rules")
                .isEqualTo(harness.originalIngress);
        assertThat(harness.healthCheckInverted()).isFalse();
    }

    @Nested
    class ObservedFailover {
        @Test
        void theDrillSeesDnsAndCloudFrontMoveToDrRestoresAndMeetsAGenerousTarget() throws Exception {
            DrillHarness harness = harness();

            RunbookResult result = harness.runner(harness.drill(new DrillOptions(null, null, Duration.ofMinutes(5),
                    null))).run();

            assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
            assertThat(result.step("observe").summary()).startsWith("failed over after");
            assertThat(result.step("observe-failback").summary()).startsWith("failed back after");
            assertRestored(harness);
            JsonNode report = reportJson(harness);
            assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
            long dns = report.get("tiers").get(0).get("rtoSeconds").asLong();
            assertThat(dns).as("about interval x threshold, seen at the poll after it happened")
                    .isBetween(DETECTION.minus(INTERVAL).toSeconds(), DETECTION.plus(INTERVAL).toSeconds());
            assertThat(report.get("tiers").get(1).get("rtoSeconds").asLong())
                    .as("the first request after the fault, paying the dead origin's connection timeout")
                    .isEqualTo(3);
            assertThat(report.get("modeled").get("detectionSeconds").asLong()).isEqualTo(20);
            assertThat(report.get("modeled").get("cloudFrontWorstCasePerRequestSeconds").asLong()).isEqualTo(3);
            assertThat(report.get("observations").findValuesAsText("edgeRegion")).contains(DrillStacks.DR);
            assertThat(report.get("failback").get("milestones").get(3).get("observed").asBoolean()).isTrue();
            assertThat(report.get("tiers").get(0).get("ttlSeconds").asLong())
                    .as("an alias to a load balancer: the load balancer's TTL, 60 s").isEqualTo(60);
            assertThat(report.get("tiers").get(0).get("allClientsSeconds").asLong()).isEqualTo(dns + 60);
            assertThat(report.get("tiers").get(0).get("clientVisible").asText())
                    .startsWith("authoritative after ").contains("all clients within");
            assertThat(report.get("fault").get("doesNotCover").toString()).contains("connection tracking",
                    "/_dr/served");
            DrillJournal.WrittenReport written = new DrillJournal(harness.journal()).lastReport().orElseThrow();
            assertThat(Files.readString(written.markdown())).contains("Client-visible DNS failover: authoritative after",
                    "## What the fault does not cover");
            assertThat(Files.readString(written.html())).contains("id=\"client-visible\"", "all clients within",
                    "id=\"fault-limits\"");
            assertThat(written.summary()).anySatisfy(line -> assertThat(line).contains("all clients within"));
        }

        @Test
        void aTinyTargetIsMissedWithExitThreeAfterTheReportIsWrittenAndTheRulesRestored() throws Exception {
            DrillHarness harness = harness();

            RunbookResult result = harness.runner(harness.drill(new DrillOptions(null, null, Duration.ofSeconds(1),
                    null))).run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
            assertThat(result.step("report").status()).isEqualTo(Status.FAILED);
            assertThat(result.message()).contains("FAILED", "over the target of 1s");
            assertThat(reportJson(harness).get("verdict").asText()).isEqualTo("FAILED");
            assertRestored(harness);
        }

        @Test
        void theHealthCheckFaultMovesDnsAndIsUndone() throws Exception {
            DrillHarness harness = harness();

            RunbookResult result = harness.runner(harness.drill(new DrillOptions("health-check", null, null, null)))
                    .run();

            assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
            JsonNode report = reportJson(harness);
            assertThat(report.get("fault").get("kind").asText()).isEqualTo("health-check");
            assertThat(report.get("tiers").get(0).get("rtoSeconds").asLong())
                    .as("Route 53 applies Inverted at the check's next request interval, seen at the next poll")
                    .isBetween(0L, INTERVAL.multipliedBy(2).toSeconds());
            assertThat(report.get("tiers").get(1).get("expected").asBoolean()).isFalse();
            assertThat(harness.ingressOfEveryGroup()).isEqualTo(harness.originalIngress);
            assertThat(harness.healthCheckInverted()).isFalse();
        }

        @Test
        void noFailoverWithinTheTimeoutStillRestoresAndFailsTheTarget() throws Exception {
            DrillHarness harness = harness();
            String primaryServes = "{\"region\":\"" + DrillStacks.PRIMARY + "\",\"database\":\"db\",\"writable\":true}";
            harness.edgeProbe = (host, path) -> new EdgeProbe.Answer(200, primaryServes,
                    DrillStacks.PRIMARY, null, harness.cloud.world().time(), Duration.ZERO, null);

            RunbookResult result = harness.runner(harness.drill(new DrillOptions(null, Duration.ofMinutes(1), null,
                    null))).run();

            assertThat(result.step("observe").summary()).startsWith("no failover within 1m00s");
            assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
            assertThat(reportJson(harness).get("reasons").get(0).asText()).contains("no failover seen within 1m00s");
            assertRestored(harness);
        }
    }

    @Nested
    class Preflight {
        private void deleteReplica(DrillHarness harness) {
            harness.cloud.rds(DrillStacks.DR).deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .skipFinalSnapshot(true));
            harness.cloud.world().clock().advance(ModeledDurations.RDS_DELETE);
        }

        @Test
        void aMissingReplicaIsRefusedWithExitThreeAndNothingIsTouched() {
            DrillHarness harness = harness();
            deleteReplica(harness);
            long mutating = harness.cloud.world().calls().mutating();

            RunbookResult result = harness.runner(harness.drill()).run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
            assertThat(result.message()).contains("no read replica in us-west-2", "--force");
            assertThat(harness.cloud.world().calls().mutating()).isEqualTo(mutating);
            assertThat(result.step("restore").summary()).isEqualTo("nothing to restore: no fault was injected");
            assertThat(new DrillJournal(harness.journal()).lastReport()).isEmpty();
        }

        @Test
        void forceRunsTheDrillAnywayAndTheReportListsTheProblems() throws Exception {
            DrillHarness harness = harness();
            deleteReplica(harness);

            RunbookResult result = harness.runner(harness.drill(new DrillOptions(null, Duration.ofMinutes(2), null,
                    true))).run();

            assertThat(result.exitCode()).as("DR has no database, so DR's instances never serve the web probe: "
                    + result.message()).isEqualTo(ExitCode.NOT_READY);
            assertThat(reportJson(harness).get("verdict").asText()).isEqualTo("FAILED");
            JsonNode preflight = reportJson(harness).get("preflight");
            assertThat(preflight.get("forced").asBoolean()).isTrue();
            assertThat(preflight.get("problems").get(0).asText()).contains("no read replica");
            assertRestored(harness);
        }
    }

    @Nested
    class Interrupted {
        @BeforeEach
        void countTheInterruptedDrill() {
            INTERRUPTED_DRILLS.incrementAndGet();
        }

        /** Runs the drill until the crash, then recovers it in a "new process", as dr failover restore does. */
        private RunbookResult crashThenRecover(DrillHarness harness) {
            assertThatThrownBy(() -> harness.runner(harness.drill()).run()).isInstanceOf(SimulatedCrash.class);
            harness.cloud.world().faults().noCrash();
            return harness.runner(harness.drill()).recover();
        }

        @ParameterizedTest(name = "crash {1} mutating call {0}")
        @CsvSource({"1, BEFORE_CALL", "1, AFTER_CALL", "2, BEFORE_CALL", "2, AFTER_CALL", "3, AFTER_CALL",
                "4, BEFORE_CALL"})
        void aCrashAtAnyMutatingCallOfTheInjectionOrTheRestoreIsUndoneByTheRecovery(long call, CrashPoint point) {
            DrillHarness harness = harness();
            harness.cloud.world().faults().crashAtMutatingCall(call, point);

            RunbookResult recovered = crashThenRecover(harness);

            assertThat(recovered.step("restore").status()).as(recovered.message()).isEqualTo(Status.DONE);
            assertRestored(harness);
            assertThatThrownBy(() -> harness.runner(harness.drill()).recover())
                    .as("a second recovery has nothing left to do").isInstanceOf(DrException.class)
                    .hasMessageContaining("nothing to recover");
            assertRestoredAndCount(harness);
        }

        @Test
        void aCrashWhileObservingIsUndoneByTheRecoveryWhichStillReportsWhatWasSeen() throws Exception {
            DrillHarness harness = harness();
            AtomicInteger polls = new AtomicInteger();
            var real = harness.edgeProbe;
            harness.edgeProbe = (host, path) -> {
                if (polls.incrementAndGet() == 3) {
                    throw new SimulatedCrash("killed while observing");
                }
                return real.get(host, path);
            };

            RunbookResult recovered = crashThenRecover(harness);

            assertThat(recovered.step("restore").status()).isEqualTo(Status.DONE);
            assertThat(recovered.step("observe").status()).isEqualTo(Status.SKIPPED);
            assertRestoredAndCount(harness);
            JsonNode report = reportJson(harness);
            assertThat(report.get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThat(report.get("observations")).hasSize(1);
        }

        @Test
        void anInterruptFromAnotherThreadWhileObservingRestoresAtOnceAndStopsTheObservation() throws Exception {
            DrillHarness harness = harness();
            CountDownLatch observing = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            AtomicInteger polls = new AtomicInteger();
            var real = harness.edgeProbe;
            harness.edgeProbe = (host, path) -> {
                if (polls.incrementAndGet() == 3) {
                    observing.countDown();
                    await(interrupted);
                }
                return real.get(host, path);
            };
            RunbookRunner runner = harness.runner(harness.drill());
            AtomicReference<RunbookResult> mainResult = new AtomicReference<>();
            Thread main = new Thread(() -> mainResult.set(runner.run()), "drill-main");
            main.start();

            assertThat(observing.await(30, TimeUnit.SECONDS)).as("the drill reached its second poll").isTrue();
            RunbookResult byHook = runner.interrupt();
            assertThat(harness.ingressOfEveryGroup()).as("restored by the interrupt before it returned")
                    .isEqualTo(harness.originalIngress);
            interrupted.countDown();
            main.join(30_000);

            assertThat(byHook.step("restore").status()).isEqualTo(Status.DONE);
            assertThat(mainResult.get().interrupted()).isTrue();
            assertThat(mainResult.get().step("observe").status()).isEqualTo(Status.INTERRUPTED);
            assertThat(mainResult.get().step("observe-failback").status()).isEqualTo(Status.SKIPPED);
            assertThat(polls.get()).as("no poll after the interrupt (the first was preflight's)").isEqualTo(3);
            assertRestoredAndCount(harness);
            assertThat(reportJson(harness).get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThatThrownBy(() -> harness.runner(harness.drill()).recover()).isInstanceOf(DrException.class)
                    .hasMessageContaining("nothing to recover");
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never interrupted the drill");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
