package dr.cli;

import dr.regions.dns.HostedZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.cdn.DistributionSettings;
import dr.regions.inmemory.Faults.CrashPoint;
import dr.regions.inmemory.SimulatedCrash;
import dr.regions.readiness.ApiRecords;
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
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return runner.run(args);
    }

    private static DBInstance database(DrRunner runner) {
        return runner.cloud.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances()
                .get(0);
    }

    /** Writable, protected, named by the DR database record, DR at primary capacity, traffic fenced to DR. */
    private static void assertPromoted(DrRunner runner) {
        DBInstance db = database(runner);
        assertThat(db.dbInstanceStatus()).isEqualTo("available");
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("a writable database has no source").isNull();
        assertThat(db.deletionProtection()).isTrue();
        String zone = HostedZones.withCallerPrefix(runner.cloud.route53(), "dr.internal.", "dr/dr/" + DR + "/")
                .orElseThrow().id();
        assertThat(runner.cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)
                .startRecordName("db.dr.internal.").startRecordType("CNAME")).resourceRecordSets().get(0)
                .resourceRecords().get(0).value()).isEqualTo(db.endpoint().address());
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

    @Test
    void succeedsWithThePrimaryRegionUnreachableAndMakesNoCallToIt() throws Exception {
        DrRunner.Result result = promote(dr, "--yes");

        long primaryCalls = dr.cloud.world().calls().inRegion(PRIMARY);
        System.out.printf("RELIABILITY promote with every primary-region call failing: %s, %d calls to the primary "
                + "region%n", result.exitCode() == 0 ? "succeeded" : "FAILED (exit " + result.exitCode() + ")",
                primaryCalls);
        dr.assertSucceeded(result);
        assertThat(primaryCalls).as("calls to the primary region").isZero();
        assertPromoted(dr);
        Matcher report = Pattern.compile("Report: (\\S+\\.md) \\(JSON: (\\S+\\.json)\\)").matcher(result.out());
        assertThat(report.find()).as("report paths in: %s", result.out()).isTrue();
        assertThat(Path.of(report.group(1))).exists().startsWith(dr.workingDirectory.resolve("dr-reports"));
        JsonNode json = JSON.readTree(Files.readString(Path.of(report.group(2))));
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("replicationEvidence").get("replicationStatus").asText()).isEqualTo("replicating");
        assertThat(result.out()).contains("preflight-dr", "promote", "fence-web");
    }

    @Test
    void jsonOutputIsTheReportAsOneDocument() throws Exception {
        DrRunner.Result result = promote(dr, "--yes", "--output", "json");

        dr.assertSucceeded(result);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("drRegion").asText()).isEqualTo(DR);
        assertThat(report.get("steps")).hasSize(9);
        assertThat(report.get("replicationEvidence").get("source").asText()).contains(":db:dr-db");
    }

    @Test
    void dryRunShowsTheStepsAndMakesNoCall() {
        DrRunner.Result result = promote(dr, "--dry-run");

        dr.assertSucceeded(result);
        assertThat(result.out()).contains("preflight-dr", "promote-database", "fence-api-records",
                "Would promote dr-db-replica in us-west-2", "no AWS call was made");
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
        assertPromoted(dr);
    }

    @Test
    void aRunKilledAtAnyChangeIsFinishedByTheNextRun() throws Exception {
        for (long change = 1; change <= 6; change++) {
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
            assertPromoted(runner);
            assertThat(runner.cloud.world().calls().inRegion(PRIMARY)).isZero();
        }
    }

    @Test
    void aProvisionAfterPromotionKeepsDrServingAndChangesNothing() {
        dr.assertSucceeded(promote(dr, "--yes"));
        dr.cloud.world().faults().regionReachable(PRIMARY);
        dr.cloud.world().calls().reset();

        DrRunner.Result provision = dr.run("provision", "--sandbox", "--primary", PRIMARY, "--dr", DR,
                "--domain", ReadyStack.DOMAIN);

        dr.assertSucceeded(provision);
        assertThat(dr.cloud.world().calls().mutating()).as("the fence and DR's capacity stay as promotion left them")
                .isZero();
        assertThat(provision.out()).contains("failed over: dr-db-replica in " + DR + " was promoted");
        assertPromoted(dr);
    }
}
