package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.ExitCode;
import dr.core.engine.DurationFormat;
import dr.core.model.StackSpec;
import dr.regions.cdn.DistributionSettings;
import dr.regions.dns.HostedZones;
import dr.regions.drill.EdgeProbe;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.inmemory.cloudfront.SandboxEdgeProbe;
import dr.regions.inmemory.route53.PublicResolver;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.provision.ProvisionFixture;
import dr.regions.dns.ApiRecords;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.RunbookResult;
import dr.runbooks.StepReport;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromoteRunbookTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private InMemoryCloud cloud;
    private OperationsRun run;

    @BeforeEach
    void readyStackWithThePrimaryRegionDown() {
        cloud = ReadyStack.cloud();
        cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
        run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR), temp);
    }

    private DBInstance database(InMemoryCloud in, String dr) {
        return in.rds(dr).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances().get(0);
    }

    private DBInstance database() {
        return database(cloud, ReadyStack.DR);
    }

    /**
     * What matters in the disaster, seen through the DR region's APIs and the data planes only (so it holds while
     * us-east-1 is dark): the database writable and protected, DR at the primary's capacity, users served from DR.
     */
    static void assertDrTookOver(InMemoryCloud in, String dr) {
        DBInstance db = in.rds(dr).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances()
                .get(0);
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("writable: no longer a replica").isNull();
        assertThat(db.backupRetentionPeriod()).isEqualTo(7);
        assertThat(db.deletionProtection()).isTrue();
        assertThat(db.masterUserSecret().secretArn()).contains(":" + dr + ":");
        for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
            AutoScalingGroup group = in.autoScaling(dr).describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                    .autoScalingGroups().get(0);
            assertThat(group.desiredCapacity()).isEqualTo(2);
            assertThat(group.instances()).filteredOn(i -> i.lifecycleStateAsString().equals("InService")).hasSize(2);
        }
        String drAlb = in.elb(dr).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers().get(0).dnsName();
        assertThat(new PublicResolver(in.world()).resolve("api." + ReadyStack.DOMAIN, "A").data())
                .as("DNS answer for the api").singleElement().asString().startsWith(drAlb.toLowerCase());
        assertThat(new EdgeSimulator(in.world()).get("app." + ReadyStack.DOMAIN, "/_dr/region").body())
                .as("region CloudFront serves the web tier from").isEqualTo(dr);
    }

    /** The global steps, seen through the Route 53 and CloudFront APIs (us-east-1 must answer). */
    static void assertFenced(InMemoryCloud in, String dr) {
        DBInstance db = in.rds(dr).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances()
                .get(0);
        String zone = HostedZones.withCallerPrefix(in.route53(), "dr.internal.", "dr/dr/" + dr + "/").orElseThrow().id();
        assertThat(in.route53().listResourceRecordSets(r -> r.hostedZoneId(zone).startRecordName("db.dr.internal.")
                .startRecordType("CNAME")).resourceRecordSets().get(0).resourceRecords().get(0).value())
                .isEqualTo(db.endpoint().address());
        ApiRecords records = ApiRecords.find(in.route53(), ReadyStack.spec(), ReadyStack.DOMAIN).orElseThrow();
        String drAlb = in.elb(dr).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers().get(0).dnsName();
        assertThat(ApiRecords.aliases(records.primary(), drAlb)).as("PRIMARY fenced to DR").isTrue();
        assertThat(ApiRecords.aliases(records.secondary(), drAlb)).isTrue();
        var distribution = in.cloudFront().getDistribution(r -> r.id(in.cloudFront()
                .listDistributions(l -> { }).distributionList().items().get(0).id())).distribution();
        assertThat(distribution.distributionConfig().originGroups().items().get(0).members().items().get(0)
                .originId()).isEqualTo(DistributionSettings.originId(dr));
    }

    private long usEast1ControlPlaneCalls() {
        return cloud.world().calls().count(call -> call.controlPlaneIn("us-east-1"));
    }

    /** The sandbox's edge, noting how many us-east-1 control-plane calls were made when it first served from DR. */
    private final class WatchingEdge implements EdgeProbe {
        private final SandboxEdgeProbe edge = new SandboxEdgeProbe(cloud.world());
        Long controlPlaneCallsBeforeServedFromDr;
        Instant servedFromDrAt;

        @Override
        public Answer get(String host, String path) {
            Answer answer = edge.get(host, path);
            if (ReadyStack.DR.equals(answer.region()) && servedFromDrAt == null) {
                servedFromDrAt = cloud.world().time();
                controlPlaneCallsBeforeServedFromDr = usEast1ControlPlaneCalls();
            }
            return answer;
        }
    }

    private static final List<String> GLOBAL_STEPS = List.of("point-dns", "fence-api", "fence-web");

    @Test
    void withUsEast1DarkDrTakesOverAndOnlyTheGlobalStepsArePending() throws IOException {
        WatchingEdge edge = new WatchingEdge();
        Instant start = cloud.world().time();

        RunbookResult result = run.attribute(PromoteActions.EDGE_PROBE_ATTRIBUTE, edge).run("promote-replica");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).as("calls to the primary region").isZero();
        assertThat(cloud.world().calls().count(call -> call.service().equals("iam")))
                .as("IAM calls (its control plane is in us-east-1)").isZero();
        assertDrTookOver(cloud, ReadyStack.DR);
        assertThat(result.step("users-on-dr").outputs()).containsEntry("servedFromDr", true);
        assertThat(edge.controlPlaneCallsBeforeServedFromDr).as("us-east-1 control-plane calls before users were "
                + "served from DR").isZero();
        for (String id : GLOBAL_STEPS) {
            assertThat(result.step(id).outputs()).as(id).containsEntry("pending", true)
                    .containsEntry("finishWith", "dr promote-replica --stack dr --dr us-west-2 --sandbox --yes");
            assertThat(result.step(id).outputs().get("reason").toString()).contains(".amazonaws.com");
        }
        assertThat(result.step("fence-web").outputs()).containsEntry("api", "CloudFront");
        JsonNode report = JSON.readTree(Files.readString(Path.of(
                result.step("report").outputs().get("json").toString())));
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("outcome").asText()).contains("users are served from DR", "3 global steps PENDING");
        assertThat(report.get("pending")).extracting(p -> p.get("step").asText())
                .containsExactlyElementsOf(GLOBAL_STEPS);
        assertThat(report.get("finishWith").asText()).startsWith("dr promote-replica --stack dr --dr us-west-2");
        JsonNode timeline = report.get("timeline");
        long writable = timeline.get("dbWritableSeconds").asLong();
        long capacity = timeline.get("drFullCapacitySeconds").asLong();
        long api = timeline.get("apiServedFromDrSeconds").asLong();
        long web = timeline.get("webServedFromDrSeconds").asLong();
        assertThat(writable).isPositive();
        assertThat(capacity).isGreaterThanOrEqualTo(writable);
        assertThat(api).as("looked at once the database takes writes").isEqualTo(writable);
        assertThat(web).isEqualTo(Duration.between(start, edge.servedFromDrAt).toSeconds());
        assertThat(report.get("steps")).filteredOn(step -> step.get("status").asText().equals("pending"))
                .hasSize(3);
        assertThat(Files.readString(Path.of(result.step("report").outputs().get("markdown").toString())))
                .contains("## Timeline", "| DB writable | ", "## Pending global steps",
                        "`dr promote-replica --stack dr --dr us-west-2 --sandbox --yes`");
        cloud.world().faults().regionReachable(ReadyStack.PRIMARY);
        ApiRecords records = ApiRecords.find(cloud.route53(), ReadyStack.spec(), ReadyStack.DOMAIN).orElseThrow();
        assertThat(records.primary().orElseThrow().healthCheckId()).as("not fenced yet").isNotNull();
    }

    @Test
    void aLaterRunWithUsEast1BackFinishesThePendingStepsAndChangesNothingElse() {
        WatchingEdge edge = new WatchingEdge();
        RunbookResult dark = run.attribute(PromoteActions.EDGE_PROBE_ATTRIBUTE, edge).run("promote-replica");
        assertThat(dark.exitCode()).as(dark.message()).isEqualTo(ExitCode.OK);
        long pending = GLOBAL_STEPS.stream().filter(id -> Boolean.TRUE.equals(dark.step(id).outputs().get("pending")))
                .count();
        cloud.world().faults().regionReachable(ReadyStack.PRIMARY);
        cloud.world().calls().reset();

        RunbookResult back = run.run("promote-replica");

        assertThat(back.exitCode()).as(back.message()).isEqualTo(ExitCode.OK);
        assertThat(GLOBAL_STEPS).allSatisfy(id -> assertThat(back.step(id).outputs()).doesNotContainKey("pending"));
        Map<String, Long> changes = cloud.world().calls().all().stream().filter(CallLog.Call::mutating)
                .collect(Collectors.groupingBy(c -> c.service() + ":" + c.operation(), Collectors.counting()));
        assertThat(changes).as("the two fences, nothing else").containsOnly(
                Map.entry("route53:ChangeResourceRecordSets", 1L), Map.entry("cloudfront:UpdateDistribution", 1L));
        assertThat(back.step("point-dns").summary()).as("the promoted database kept the replica's endpoint")
                .contains("(already)");
        assertFenced(cloud, ReadyStack.DR);
        assertDrTookOver(cloud, ReadyStack.DR);
        System.out.printf("RELIABILITY promote with us-east-1 dark (primary us-east-1; Route 53, CloudFront, WAF and "
                        + "ACM APIs down, data planes up): exit %d, users served from DR after %s, %d calls to "
                        + "us-east-1 control planes before that, %d global steps pending; re-run with us-east-1 back: "
                        + "exit %d, %d changes (the fences), 0 others%n", dark.exitCode().code(),
                DurationFormat.compact(Duration.between(dark.startedAt(), edge.servedFromDrAt)),
                edge.controlPlaneCallsBeforeServedFromDr,
                pending, back.exitCode().code(), changes.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void withThePrimaryInUsWest2AndUsEast1HealthyOneRunDoesEverything() throws IOException {
        ProvisionFixture fixture = new ProvisionFixture();
        assertThat(fixture.provision(StackSpec.defaults("us-west-2", "us-east-1").withDomain(ReadyStack.DOMAIN))
                .succeeded()).isTrue();
        InMemoryCloud swapped = fixture.cloud();
        swapped.world().faults().regionUnreachable("us-west-2");
        swapped.world().calls().reset();

        RunbookResult result = new OperationsRun(swapped, OperationsRun.target("us-west-2", "us-east-1"),
                Files.createTempDirectory(temp, "swapped")).run("promote-replica");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.status()).as(step.id()).isEqualTo(StepReport.Status.DONE);
            assertThat(step.outputs()).as(step.id()).doesNotContainKey("pending");
        });
        assertThat(swapped.world().calls().inRegion("us-west-2")).as("calls to the primary region").isZero();
        assertDrTookOver(swapped, "us-east-1");
        assertFenced(swapped, "us-east-1");
    }

    @Test
    void aSecondRunWhileUsEast1IsStillDarkChangesNothing() {
        assertThat(run.run("promote-replica").exitCode()).isEqualTo(ExitCode.OK);
        cloud.world().calls().reset();

        RunbookResult again = run.run("promote-replica");

        assertThat(again.exitCode()).as(again.message()).isEqualTo(ExitCode.OK);
        assertThat(cloud.world().calls().mutating()).isZero();
        assertThat(again.step("preflight-dr").summary()).contains("already standalone");
        assertThat(again.step("fence-api").outputs()).containsEntry("pending", true);
        assertDrTookOver(cloud, ReadyStack.DR);
    }

    @Test
    void whenDrCapacityCannotBeBroughtUpTheExitCodeIsOne() throws IOException {
        cloud.autoScaling(ReadyStack.DR).deleteAutoScalingGroup(r -> r.autoScalingGroupName("dr-asg-app")
                .forceDelete(true));

        RunbookResult result = run.run("promote-replica");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.message()).contains("scale-dr", "dr-asg-app");
        assertThat(database().readReplicaSourceDBInstanceIdentifier()).as("the database was promoted").isNull();
        JsonNode report = JSON.readTree(Files.readString(Path.of(
                result.step("report").outputs().get("json").toString())));
        assertThat(report.get("succeeded").asBoolean()).isFalse();
        assertThat(report.get("timeline").get("dbWritableSeconds").asLong()).isPositive();
        assertThat(report.get("timeline").has("drFullCapacitySeconds")).as("no time to full capacity").isFalse();
    }

    @Test
    void whenThereIsNoDatabaseToPromoteTheExitCodeIsOne() {
        RunbookResult result = new OperationsRun(cloud, OperationsRun.target(null, "eu-west-1"), temp)
                .run("promote-replica");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.message()).contains("stack dr has no database in eu-west-1");
    }

    @Test
    void whenUsersCannotBeSeenOnDrTheLookBeforeScalingDoesNotHoldItBackButTheRunFails() {
        cloud.elb(ReadyStack.DR).deleteLoadBalancer(r -> r.loadBalancerArn(cloud.elb(ReadyStack.DR)
                .describeLoadBalancers(d -> d.names("dr-alb-app")).loadBalancers().get(0).loadBalancerArn()));

        RunbookResult result = run.run("promote-replica");

        assertThat(result.step("users-on-dr").outputs()).containsEntry("observed", false);
        assertThat(result.step("scale-dr").status()).isEqualTo(StepReport.Status.DONE);
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.message()).contains("dr-alb-app is missing in " + ReadyStack.DR);
        assertThat(result.step("confirm-users-on-dr").status()).as("users were never seen on DR")
                .isNotEqualTo(StepReport.Status.DONE);
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsChangedAndTheExitCodeIsTwo() {
        RunbookResult result = run.yes(false).run("promote-replica");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.step("promote").status()).isEqualTo(StepReport.Status.SKIPPED);
        assertThat(cloud.world().calls().mutating()).isZero();
        assertThat(database().readReplicaSourceDBInstanceIdentifier()).isNotNull();
    }

    @Test
    void withoutTheDrRegionItRefusesRatherThanSearchTheRegions() {
        RunbookResult result = new OperationsRun(cloud, OperationsRun.target(null, null), temp).run("promote-replica");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.message()).contains("pass --dr");
        assertThat(cloud.world().calls().total()).isZero();
    }

    @Test
    void onlyTheDrRegionIsNeeded() {
        RunbookResult result = new OperationsRun(cloud, OperationsRun.target(null, ReadyStack.DR), temp)
                .run("promote-replica");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
        assertDrTookOver(cloud, ReadyStack.DR);
    }

    @Nested
    class AfterACrash {
        /** The changes a whole promotion makes with {@code dark} down (none: every change): each is a place to die. */
        private long changesOfAWholeRun(String dark) throws IOException {
            InMemoryCloud clean = ReadyStack.cloud();
            if (dark != null) {
                clean.world().faults().regionUnreachable(dark);
            }
            new OperationsRun(clean, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                    Files.createTempDirectory(temp, "clean")).run("promote-replica");
            return clean.world().faults().mutatingCalls();
        }

        private RunbookResult crashAndResume(String dark, long change, CrashPoint point) throws IOException {
            cloud = ReadyStack.cloud();
            if (dark != null) {
                cloud.world().faults().regionUnreachable(dark);
            }
            run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                    Files.createTempDirectory(temp, "crash-" + point + "-" + change));
            cloud.world().faults().crashAtMutatingCall(change, point);
            assertThatThrownBy(() -> run.run("promote-replica")).as("crash at change %d", change)
                    .isInstanceOf(SimulatedCrash.class);
            cloud.world().faults().noCrash();
            RunbookResult resumed = run.resume("promote-replica");
            assertThat(resumed.exitCode()).as("resumed after a crash at change %d (%s): %s", change, point,
                    resumed.message()).isEqualTo(ExitCode.OK);
            return resumed;
        }

        @ParameterizedTest
        @EnumSource(CrashPoint.class)
        void withUsEast1DarkAResumedRunEndsWithDrInChargeWhereverTheProcessDied(CrashPoint point) throws IOException {
            long changes = changesOfAWholeRun(ReadyStack.PRIMARY);
            assertThat(changes).as("promote, role tag, modify, two group updates; the global APIs are down").isEqualTo(5);
            for (long n = 1; n <= changes; n++) {
                RunbookResult resumed = crashAndResume(ReadyStack.PRIMARY, n, point);

                assertDrTookOver(cloud, ReadyStack.DR);
                assertThat(resumed.step("fence-api").outputs()).containsEntry("pending", true);
                assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
            }
        }

        @Test
        void withTheGlobalApisUpAResumedRunEndsFencedWhereverTheProcessDied() throws IOException {
            long changes = changesOfAWholeRun(null);
            assertThat(changes).as("promote, role tag, modify, two group updates, records, distribution").isEqualTo(7);
            for (long n = 1; n <= changes; n++) {
                crashAndResume(null, n, CrashPoint.AFTER_CALL);

                assertDrTookOver(cloud, ReadyStack.DR);
                assertFenced(cloud, ReadyStack.DR);
            }
        }
    }
}
