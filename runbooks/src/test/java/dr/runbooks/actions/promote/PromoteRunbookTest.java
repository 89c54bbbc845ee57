package dr.runbooks.actions.promote;

import dr.regions.dns.HostedZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.ExitCode;
import dr.regions.cdn.DistributionSettings;
import dr.regions.inmemory.Faults.CrashPoint;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SimulatedCrash;
import dr.regions.readiness.ApiRecords;
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

    private DBInstance database() {
        return cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"))
                .dbInstances().get(0);
    }

    /** Everything promote-replica promises, seen from AWS. */
    private void assertPromoted() {
        DBInstance db = database();
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("writable: no longer a replica").isNull();
        assertThat(db.backupRetentionPeriod()).isEqualTo(7);
        assertThat(db.deletionProtection()).isTrue();
        assertThat(db.masterUserSecret().secretArn()).contains(":" + ReadyStack.DR + ":");
        String zone = HostedZones.withCallerPrefix(cloud.route53(), "dr.internal.", "dr/dr/" + ReadyStack.DR + "/")
                .orElseThrow().id();
        assertThat(cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zone).startRecordName("db.dr.internal.")
                .startRecordType("CNAME")).resourceRecordSets().get(0).resourceRecords().get(0).value())
                .isEqualTo(db.endpoint().address());
        for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
            AutoScalingGroup group = cloud.autoScaling(ReadyStack.DR)
                    .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
            assertThat(group.desiredCapacity()).isEqualTo(2);
            assertThat(group.instances()).filteredOn(i -> i.lifecycleStateAsString().equals("InService")).hasSize(2);
        }
        ApiRecords records = ApiRecords.find(cloud.route53(), ReadyStack.spec(), ReadyStack.DOMAIN).orElseThrow();
        String drAlb = cloud.elb(ReadyStack.DR).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers()
                .get(0).dnsName();
        assertThat(ApiRecords.aliases(records.primary(), drAlb)).as("PRIMARY fenced to DR").isTrue();
        assertThat(ApiRecords.aliases(records.secondary(), drAlb)).isTrue();
        var distribution = cloud.cloudFront().getDistribution(r -> r.id(cloud.cloudFront()
                .listDistributions(l -> { }).distributionList().items().get(0).id())).distribution();
        assertThat(distribution.distributionConfig().originGroups().items().get(0).members().items().get(0)
                .originId()).isEqualTo(DistributionSettings.originId(ReadyStack.DR));
    }

    @Test
    void promotesWithThePrimaryRegionUnreachableAndNeverCallsIt() throws IOException {
        RunbookResult result = run.run("promote-replica");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).as("calls to the primary region").isZero();
        assertThat(cloud.world().calls().count(call -> call.service().equals("iam")))
                .as("IAM calls (its control plane is in us-east-1)").isZero();
        assertPromoted();
        JsonNode report = JSON.readTree(Files.readString(Path.of(
                result.step("report").outputs().get("json").toString())));
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("replicationEvidence").get("replicationStatus").asText()).isEqualTo("replicating");
        assertThat(report.get("replicationEvidence").get("replicaLag").asText()).startsWith("not measured");
        assertThat(report.get("steps")).hasSize(9).allSatisfy(step -> {
            assertThat(step.get("status").asText()).isEqualTo("done");
            assertThat(step.has("seconds")).isTrue();
        });
        assertThat(Files.readString(Path.of(result.step("report").outputs().get("markdown").toString())))
                .contains("# dr promote-replica: stack dr", "Replication evidence at promotion", "wait-writable");
    }

    @Test
    void aSecondRunFindsEverythingDoneAndChangesNothing() {
        assertThat(run.run("promote-replica").exitCode()).isEqualTo(ExitCode.OK);
        cloud.world().calls().reset();

        RunbookResult again = run.run("promote-replica");

        assertThat(again.exitCode()).as(again.message()).isEqualTo(ExitCode.OK);
        assertThat(cloud.world().calls().mutating()).isZero();
        assertThat(again.step("preflight-dr").summary()).contains("already standalone");
        assertPromoted();
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
        assertPromoted();
    }

    @Nested
    class AfterACrash {
        /** How many changes a whole promotion makes: each is a place to die. */
        private long mutatingCallsOfAWholeRun() throws IOException {
            InMemoryCloud clean = ReadyStack.cloud();
            new OperationsRun(clean, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                    Files.createTempDirectory(temp, "clean")).run("promote-replica");
            return clean.world().calls().mutating();
        }

        @ParameterizedTest
        @EnumSource(CrashPoint.class)
        void aResumedRunEndsPromotedWhereverTheProcessDied(CrashPoint point) throws IOException {
            long changes = mutatingCallsOfAWholeRun();
            assertThat(changes).as("promote, modify, two group updates, records, distribution").isEqualTo(6);
            for (long n = 1; n <= changes; n++) {
                cloud = ReadyStack.cloud();
                cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
                run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                        Files.createTempDirectory(temp, "crash-" + point + "-" + n));
                cloud.world().faults().crashAtMutatingCall(n, point);

                assertThatThrownBy(() -> run.run("promote-replica")).as("crash at change %d", n)
                        .isInstanceOf(SimulatedCrash.class);
                cloud.world().faults().noCrash();
                RunbookResult resumed = run.resume("promote-replica");

                assertThat(resumed.exitCode()).as("resumed after a crash at change %d (%s): %s", n, point,
                        resumed.message()).isEqualTo(ExitCode.OK);
                assertPromoted();
                assertThat(cloud.world().calls().inRegion(ReadyStack.PRIMARY)).isZero();
            }
        }
    }
}
