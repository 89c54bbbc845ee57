package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.cdn.DistributionSettings;
import dr.regions.dns.HostedZones;
import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.inmemory.route53.PublicResolver;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.dns.ApiRecords;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PromoteReplicaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIMARY = ReadyStack.PRIMARY;
    private static final String DR = ReadyStack.DR;

    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void aProvisionedStackWhosePrimaryRegionIsDown() {
        dr = runner(temp);
    }

    private static DrRunner runner(Path directory) {
        DrRunner runner = new DrRunner(directory, ReadyStack.cloud());
        runner.cloud.world().faults().regionUnreachable(PRIMARY);
        return runner;
    }

    private DrRunner.Result promote(DrRunner runner, String... extra) {
        String[] base = {"promote-replica", "--sandbox", "--dr", DR};
        return runner.run(Arguments.join(base, extra));
    }

    private static DBInstance database(DrRunner runner) {
        return runner.cloud.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances()
                .get(0);
    }

    /** Writable, protected, DR at primary capacity, users served from DR: seen without us-east-1's APIs. */
    private static void assertDrTookOver(DrRunner runner) {
        DBInstance db = database(runner);
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("a writable database has no source").isNull();
        assertThat(db.deletionProtection()).isTrue();
        for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
            AutoScalingGroup group = runner.cloud.autoScaling(DR).describeAutoScalingGroups(r -> r
                    .autoScalingGroupNames(name)).autoScalingGroups().get(0);
            assertThat(group.minSize()).isEqualTo(2);
            assertThat(group.desiredCapacity()).isEqualTo(2);
            assertThat(group.maxSize()).isEqualTo(4);
            assertThat(group.instances()).filteredOn(i -> i.lifecycleStateAsString().equals("InService")).hasSize(2);
        }
        String drAlb = runner.cloud.elb(DR).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers().get(0)
                .dnsName();
        assertThat(new PublicResolver(runner.cloud.world()).resolve("api." + ReadyStack.DOMAIN, "A").data())
                .singleElement().asString().startsWith(drAlb.toLowerCase());
        assertThat(new EdgeSimulator(runner.cloud.world()).get("app." + ReadyStack.DOMAIN, "/_dr/region").body())
                .isEqualTo(DR);
    }

    /** The DR database record, the api fence and the origin order: through the global APIs (us-east-1 up). */
    private static void assertFenced(DrRunner runner) {
        DBInstance db = database(runner);
        String zone = HostedZones.withCallerPrefix(runner.cloud.route53(), "dr.internal.", "dr/dr/" + DR + "/")
                .orElseThrow().id();
        assertThat(runner.cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)
                .startRecordName("db.dr.internal.").startRecordType("CNAME")).resourceRecordSets().get(0)
                .resourceRecords().get(0).value()).isEqualTo(db.endpoint().address());
        String drAlb = runner.cloud.elb(DR).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers().get(0)
                .dnsName();
        ApiRecords records = ApiRecords.find(runner.cloud.route53(), ReadyStack.spec(), ReadyStack.DOMAIN)
                .orElseThrow();
        assertThat(ApiRecords.aliases(records.primary(), drAlb)).as("PRIMARY record fenced to DR").isTrue();
        assertThat(ApiRecords.aliases(records.secondary(), drAlb)).isTrue();
        String distribution = runner.cloud.cloudFront().listDistributions(r -> { }).distributionList().items().get(0)
                .id();
        assertThat(runner.cloud.cloudFront().getDistribution(r -> r.id(distribution)).distribution()
                .distributionConfig().originGroups().items().get(0).members().items().get(0).originId())
                .isEqualTo(DistributionSettings.originId(DR));
    }

    private static final String FINISH = "dr promote-replica --stack dr --dr " + DR + " --sandbox --yes";

    @Test
    void withUsEast1DarkItExitsZeroWithDrServingAndListsThePendingGlobalSteps() throws Exception {
        DrRunner.Result result = promote(dr, "--primary", PRIMARY, "--yes");

        long primaryCalls = dr.cloud.world().calls().inRegion(PRIMARY);
        System.out.printf("RELIABILITY promote with every primary-region call failing: %s, %d calls to the primary "
                + "region%n", result.exitCode() == 0 ? "succeeded" : "FAILED (exit " + result.exitCode() + ")",
                primaryCalls);
        dr.assertSucceeded(result);
        assertThat(primaryCalls).as("calls to the primary region").isZero();
        assertDrTookOver(dr);
        assertThat(result.out()).containsPattern("fence-api +PENDING")
                .contains("3 global steps are PENDING", "point-dns, fence-api, fence-web", "answers with: " + FINISH);
        Matcher report = Pattern.compile("Report: (\\S+\\.md) \\(JSON: (\\S+\\.json)\\)").matcher(result.out());
        assertThat(report.find()).as("report paths in: %s", result.out()).isTrue();
        assertThat(Path.of(report.group(1))).exists().startsWith(dr.workingDirectory.resolve("dr-reports"));
        JsonNode json = JSON.readTree(Files.readString(Path.of(report.group(2))));
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("pending")).hasSize(3);
        assertThat(json.get("timeline").get("webServedFromDrSeconds").asLong()).isPositive();
        assertThat(json.get("replicationEvidence").get("replicationStatus").asText()).isEqualTo("replicating");
        assertThat(result.out()).contains("preflight-dr", "promote", "fence-web");
    }

    /**
     * With us-east-1 dark the lag is read in the DR region alone: replication is not active there (ReplicaLag -1),
     * so what the promotion loses is said from the last figure before it stopped, printed before the approval.
     */
    @Test
    void withUsEast1DarkWhatThePromotionWouldLoseIsReadInTheDrRegionAndPrintedBeforeTheApproval() throws Exception {
        dr.cloud.world().clock().advance(java.time.Duration.ofMinutes(3));

        DrRunner.Result result = promote(dr, "--yes", "--output", "json");

        dr.assertSucceeded(result);
        assertThat(dr.cloud.world().calls().inRegion(PRIMARY)).isZero();
        assertThat(dr.cloud.world().calls().count(c -> c.operation().equals("GetMetricData")
                && c.region().equals(DR))).isPositive();
        JsonNode evidence = JSON.readTree(result.out()).get("replicationEvidence");
        assertThat(evidence.get("replicaLag").asText()).startsWith("replication not active at ")
                .contains("last figure 1 s behind at ");
        assertThat(evidence.get("wouldLose").asText()).startsWith("every write since replication stopped");
        assertThat(JSON.readTree(result.out()).get("notes").toString())
                .contains("Replica lag at promotion (CloudWatch ReplicaLag, read in " + DR + ")");
    }

    /** A loaded primary (reachable): --max-lag stops the run before the approval, --force then promotes. */
    @Test
    void aLagAboveMaxLagStopsTheRunWithExitThreeAndForcePromotesRecordingTheFigure() throws Exception {
        DrRunner loaded = new DrRunner(temp.resolve("loaded"), ReadyStack.cloud());
        loaded.cloud.world().clock().advance(java.time.Duration.ofMinutes(2));
        loaded.cloud.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"));
        loaded.cloud.world().faults().primaryLoaded(PRIMARY);
        loaded.cloud.world().clock().advance(java.time.Duration.ofMinutes(4));

        DrRunner.Result refused = promote(loaded, "--max-lag", "30", "--yes");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).containsPattern("RPO: a promotion now would lose about \\d+ s of writes before "
                + "\\d\\d:\\d\\d:\\d\\d UTC \\(ReplicaLag of dr-db-replica, read in " + DR + "\\)");
        assertThat(refused.err()).contains("is not under --max-lag 30s", "--force promotes anyway");
        assertThat(database(loaded).readReplicaSourceDBInstanceIdentifier()).as("still a replica").isNotNull();
        assertThat(loaded.cloud.world().calls().count(c -> c.operation().equals("PromoteReadReplica"))).isZero();

        DrRunner.Result forced = promote(loaded, "--max-lag", "30", "--force", "--yes");

        loaded.assertSucceeded(forced);
        assertThat(database(loaded).readReplicaSourceDBInstanceIdentifier()).isNull();
        Matcher report = Pattern.compile("Report: (\\S+\\.md) \\(JSON: (\\S+\\.json)\\)").matcher(forced.out());
        assertThat(report.find()).as("report paths in: %s", forced.out()).isTrue();
        JsonNode evidence = JSON.readTree(Files.readString(Path.of(report.group(2)))).get("replicationEvidence");
        double lag = evidence.get("replicaLagSeconds").asDouble();
        assertThat(lag).isGreaterThan(30);
        assertThat(evidence.get("wouldLose").asText()).startsWith("about " + Math.round(lag) + " s of writes");
        assertThat(Files.readString(Path.of(report.group(1)))).contains("replicaLag", "wouldLose");
        System.out.printf("[figures] promote with a loaded primary: lag %.0f s; --max-lag 30 refused (exit %d), "
                + "--force promoted (exit %d)%n", lag, refused.exitCode(), forced.exitCode());
    }

    @Test
    void aLaterRunWithUsEast1BackSaysWhatItFinishesAndChangesOnlyThat() {
        dr.assertSucceeded(promote(dr, "--yes"));
        dr.cloud.world().faults().regionReachable(PRIMARY);
        DrRunner.Mark before = dr.mark();

        DrRunner.Result again = promote(dr, "--yes");

        dr.assertSucceeded(again);
        assertThat(again.err()).contains("finishing the global steps the run started",
                "left pending: point-dns, fence-api, fence-web");
        assertThat(again.out()).doesNotContain("PENDING");
        assertThat(dr.changesBesideTheLockSince(before)).containsExactlyInAnyOrder("route53:ChangeResourceRecordSets", "cloudfront:UpdateDistribution");
        assertFenced(dr);
        assertDrTookOver(dr);
    }

    @Test
    void jsonOutputIsTheReportAsOneDocument() throws Exception {
        DrRunner.Result result = promote(dr, "--yes", "--output", "json");

        dr.assertSucceeded(result);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("drRegion").asText()).isEqualTo(DR);
        assertThat(report.get("steps")).hasSize(11);
        assertThat(report.get("finishWith").asText()).isEqualTo(FINISH);
        assertThat(report.get("replicationEvidence").get("source").asText()).contains(":db:dr-db");
        try (var files = Files.list(dr.workingDirectory.resolve("dr-reports"))) {
            Path written = files.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(JSON.readTree(Files.readString(written))).as("the document printed is the report written")
                    .isEqualTo(report);
        }
    }

    @Test
    void dryRunShowsTheStepsAndMakesNoCall() {
        DrRunner.Result result = promote(dr, "--dry-run");

        dr.assertSucceeded(result);
        assertThat(result.out()).contains("preflight-dr", "promote-database", "fence-api-records",
                "Would promote the read replica of stack dr (found by its role) in us-west-2", "no AWS call was made");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void withoutYesAndWithoutATerminalTheExitCodeIsTwoAndNothingChanges() {
        DrRunner.Result result = promote(dr);

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.err()).contains("pass --yes");
        assertThat(dr.cloud.world().calls().mutating()).isZero();
        assertThat(database(dr).readReplicaSourceDBInstanceIdentifier()).as("still a replica").isNotNull();
    }

    @Test
    void withoutTheDrRegionItIsRefusedBeforeAnyCall() {
        DrRunner.Result result = dr.run("promote-replica", "--sandbox", "--yes");

        dr.assertRejected(result, "promote-replica needs the DR region");
    }

    @Test
    void runningItTwiceChangesNothingTheSecondTime() {
        dr.assertSucceeded(promote(dr, "--yes"));
        dr.cloud.world().calls().reset();

        DrRunner.Result again = promote(dr, "--yes");

        dr.assertSucceeded(again);
        assertThat(dr.cloud.world().calls().mutating()).isZero();
        assertThat(dr.cloud.world().calls().inRegion(PRIMARY)).isZero();
        assertThat(again.err()).contains("left pending: point-dns, fence-api, fence-web");
        assertDrTookOver(dr);
    }

    @Test
    void aRunKilledAtAnyChangeIsFinishedByTheNextRun() throws Exception {
        for (long change = 1; change <= 4; change++) { // with us-east-1 dark, only DR's four changes can be made
            DrRunner runner = runner(Files.createDirectories(temp.resolve("crash-" + change)));
            runner.cloud.world().faults().crashAtMutatingCall(change, CrashPoint.AFTER_CALL);
            try {
                promote(runner, "--yes");
                throw new AssertionError("the process should have died at change " + change);
            } catch (SimulatedCrash died) {
                runner.cloud.world().faults().noCrash();
            }

            DrRunner.Result rerun = promote(runner, "--yes");

            runner.assertSucceeded(rerun);
            assertThat(rerun.err()).as("change %d", change).contains("resuming the promote-replica run");
            assertDrTookOver(runner);
            assertThat(runner.cloud.world().calls().inRegion(PRIMARY)).isZero();
        }
    }

    @Test
    void aProvisionAfterPromotionKeepsDrServingAndChangesNothing() {
        dr.assertSucceeded(promote(dr, "--yes"));
        dr.cloud.world().faults().regionReachable(PRIMARY);
        dr.assertSucceeded(promote(dr, "--yes"));
        DrRunner.Mark before = dr.mark();

        DrRunner.Result provision = dr.run("provision", "--sandbox", "--primary", PRIMARY, "--dr", DR,
                "--domain", ReadyStack.DOMAIN);

        dr.assertSucceeded(provision);
        assertThat(dr.changesBesideTheLockSince(before)).as("the fence and DR's capacity stay as promotion left them")
                .isEmpty();
        assertThat(provision.out()).contains("failed over: the writer is in " + DR);
        assertFenced(dr);
        assertDrTookOver(dr);
    }

    /** Issue 16 item 6: the plan a dry run shows after a promotion is the plan provision then executes. */
    @Test
    void aDryRunAfterPromotionShowsThePlanThatProvisionThenRuns() throws Exception {
        dr.assertSucceeded(promote(dr, "--yes"));
        dr.cloud.world().faults().regionReachable(PRIMARY);
        dr.assertSucceeded(promote(dr, "--yes"));
        String[] provision = {"provision", "--sandbox", "--primary", PRIMARY, "--dr", DR, "--domain", ReadyStack.DOMAIN,
            "--output", "json"};

        DrRunner.Result dryRun = dr.run(Arguments.join(provision, new String[] {"--dry-run"}));
        DrRunner.Result run = dr.run(provision);

        dr.assertSucceeded(dryRun);
        dr.assertSucceeded(run);
        JsonNode shown = JSON.readTree(dryRun.out());
        JsonNode executed = JSON.readTree(run.out());
        assertThat(keys(executed.path("resources"))).as("the steps run are the steps shown")
                .containsExactlyInAnyOrderElementsOf(keys(shown.path("steps")));
        assertThat(shown.path("drCapacity").toString()).as("DR keeps the primary's capacity, as the run does")
                .isEqualTo("{\"min\":2,\"desired\":2,\"max\":4}");
        assertThat(shown.path("notes").get(0).asText()).startsWith("failed over: the writer is in " + DR);
        assertThat(executed.path("notes")).isEqualTo(shown.path("notes"));
        assertDrTookOver(dr);
    }

    private static java.util.List<String> keys(JsonNode steps) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        steps.forEach(step -> keys.add(step.path("region").asText() + "/" + step.path("role").asText() + " "
                + step.path("type").asText()));
        return keys;
    }
}
