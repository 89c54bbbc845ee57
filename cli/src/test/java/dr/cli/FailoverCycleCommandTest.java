package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.inmemory.world.CallLog;
import dr.regions.provision.Failover;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dr reprotect} and {@code dr failback} through the command line, on a copy of the provisioned sandbox. */
class FailoverCycleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REGIONS = {"--primary", ReadyStack.PRIMARY, "--dr", ReadyStack.DR};

    @TempDir
    Path temp;

    private static String[] args(String command, String... extra) {
        return Arguments.join(new String[] {command, "--sandbox"}, REGIONS, extra);
    }

    @Test
    void promoteReprotectStatusFailbackStatusThroughTheCommandLine() throws Exception {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        assertThat(dr.run("promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes").exitCode()).isZero();

        DrRunner.Result reprotect = dr.run(args("reprotect", "--yes"));
        assertThat(reprotect.exitCode()).as(reprotect.err()).isZero();
        assertThat(reprotect.out()).contains("reprotect finished", "Report: ", ".html");
        assertThat(Failover.read(ReadyStack.spec(), dr.cloud)).isEqualTo(Failover.REPROTECTED);
        DrRunner.Result status = dr.run(args("status"));
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();

        DrRunner.Result failback = dr.run(args("failback", "--yes", "--output", "json"));
        assertThat(failback.exitCode()).as(failback.err()).isZero();
        JsonNode report = JSON.readTree(failback.out());
        assertThat(report.get("runbook").asText()).isEqualTo("failback");
        assertThat(report.get("writeFreeze").get("seconds").asLong()).isPositive();
        assertThat(Failover.read(ReadyStack.spec(), dr.cloud)).isEqualTo(Failover.NONE);
        status = dr.run(args("status"));
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        assertThat(Files.list(dr.workingDirectory.resolve("dr-reports")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("failback-dr-") && name.endsWith(".html"));
    }

    @Test
    void reprotectAndFailbackKeepTheSettingsTheStackWasBuiltWith() throws Exception {
        DrRunner dr = new DrRunner(temp);
        DrRunner.Result provision = dr.run(args("provision", "--web-instance-type", "t3.small", "--max", "6",
                "--health-check-path", "/healthz"));
        assertThat(provision.exitCode()).as(provision.err()).isZero();
        assertThat(dr.run("promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes").exitCode()).isZero();

        for (String command : new String[] {"reprotect", "failback"}) {
            DrRunner.Result run = dr.run(args(command, "--yes"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            for (String region : new String[] {ReadyStack.PRIMARY, ReadyStack.DR}) {
                assertThat(dr.cloud.ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateName("dr-lt-web")
                        .versions("$Latest")).launchTemplateVersions().get(0).launchTemplateData().instanceTypeAsString())
                        .as("web instance type in %s after %s", region, command).isEqualTo("t3.small");
            }
            assertThat(dr.cloud.route53().listHealthChecks().healthChecks())
                    .as("the health check after %s", command)
                    .allSatisfy(check -> assertThat(check.healthCheckConfig().resourcePath()).isEqualTo("/healthz"));
        }
    }

    @Test
    void theDryRunsPrintBothPlansWithoutAnAwsCall() {
        DrRunner dr = new DrRunner(temp);
        DrRunner.Result reprotect = dr.run(args("reprotect", "--dry-run"));
        DrRunner.Result failback = dr.run(args("failback", "--dry-run", "--delete-old-databases"));

        assertThat(reprotect.exitCode()).as(reprotect.err()).isZero();
        assertThat(reprotect.out()).contains("release-master-secret", "provision-stack",
                "Would make us-east-1 the standby", "kept, tagged db-retired", "no AWS call was made");
        assertThat(failback.exitCode()).as(failback.err()).isZero();
        assertThat(failback.out()).contains("freeze-writes", "wait-caught-up", "promote-standby", "unfreeze-writes",
                "deleted with a final snapshot", "no AWS call was made");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void theIamPolicyForReprotectAndFailbackNamesWhatTheyCall() throws Exception {
        DrRunner dr = new DrRunner(temp);
        DrRunner.Result policy = dr.run("iam-policy", "--for", "reprotect,failback");

        assertThat(policy.exitCode()).as(policy.err()).isZero();
        JsonNode document = JSON.readTree(policy.out());
        assertThat(document.get("Statement").findValuesAsText("Sid")).contains("ReprotectRds", "FailbackRds",
                "FailbackElb");
        assertThat(policy.out()).contains("rds:CreateDBInstanceReadReplica", "rds:PromoteReadReplica",
                "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule");
        dr.assertNoAwsClientUsed();
    }

    @Test
    void withoutBothRegionsItRefusesBeforeAnyCall() {
        DrRunner dr = new DrRunner(temp);
        dr.assertRejected(dr.run("failback", "--sandbox", "--dr", ReadyStack.DR, "--yes"), "--primary");
    }

    /** Every call that changed the cloud since {@code mark}, the stack lock's included. */
    private static List<String> everyChangeSince(DrRunner dr, DrRunner.Mark mark) {
        List<CallLog.Call> calls = dr.cloud.world().calls().all();
        return calls.subList(mark.calls(), calls.size()).stream().filter(CallLog.Call::mutating)
                .map(call -> call.service() + ":" + call.operation()).toList();
    }

    /** As {@code terraform apply} with nothing to do: said, exit 0, no lock, no change, no report, no journal run. */
    private static void assertNothingToDo(DrRunner dr, String command, String... says) throws Exception {
        DrRunner.Mark before = dr.mark();
        long reports = Files.list(dr.workingDirectory.resolve("dr-reports")).count();

        DrRunner.Result again = dr.run(args(command, "--yes"));
        DrRunner.Result json = dr.run(args(command, "--yes", "--output", "json"));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Nothing to do: stack dr is").contains(says).contains("No change was made.");
        assertThat(again.err()).as("no step ran").isEmpty();
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode document = JSON.readTree(json.out());
        assertThat(document.get("nothingToDo").asBoolean()).isTrue();
        assertThat(document.get("runbook").asText()).isEqualTo(command);
        assertThat(everyChangeSince(dr, before)).as("changes, the stack lock's included").isEmpty();
        assertThat(Files.list(dr.workingDirectory.resolve("dr-reports")).count()).as("reports").isEqualTo(reports);
    }

    @Test
    void aSecondReprotectOrFailbackAfterAFinishedOneHasNothingToDoAndTakesNoLock() throws Exception {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        assertThat(dr.run("promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes").exitCode()).isZero();
        assertThat(dr.run(args("reprotect", "--yes")).exitCode()).isZero();

        assertNothingToDo(dr, "reprotect", "is reprotected (writer dr-db-replica in " + ReadyStack.DR,
                "where a finished reprotect leaves it");

        DrRunner.Result failback = dr.run(args("failback", "--yes"));
        assertThat(failback.exitCode()).as(failback.err()).isZero();
        assertNothingToDo(dr, "failback", "in its normal roles (writer dr-db-g3 in " + ReadyStack.PRIMARY,
                "read replica dr-db-g4 in " + ReadyStack.DR, "where a finished failback leaves it");
        assertThat(Failover.read(ReadyStack.spec(), dr.cloud)).isEqualTo(Failover.NONE);

        DrRunner.Result reprotect = dr.run(args("reprotect", "--yes"));
        assertThat(reprotect.exitCode()).as("a reprotect with no DR writer is a mistake").isEqualTo(1);
        assertThat(reprotect.err()).contains("not failed over");
    }

    @Test
    void aReprotectThatDiedIsResumedNotCalledDoneThoughTheDatabasesLookFinished() throws Exception {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        assertThat(dr.run("promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes").exitCode()).isZero();
        assertThat(dr.run(args("reprotect", "--yes")).exitCode()).isZero();
        Path journal;
        try (var files = Files.walk(temp)) {
            journal = files.filter(f -> f.endsWith(Path.of("journal", "dr", "reprotect.jsonl"))).findFirst()
                    .orElseThrow();
        }
        List<String> lines = Files.readAllLines(journal);
        // the run as it stood when the process died before its report: the last lines (report, run end) never written
        int reportStarted = lines.size() - 1;
        while (!lines.get(reportStarted).contains("\"report\"")) {
            reportStarted--;
        }
        Files.write(journal, lines.subList(0, reportStarted));

        DrRunner.Result resumed = dr.run(args("reprotect", "--yes"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming the reprotect run");
        assertThat(resumed.out()).doesNotContain("Nothing to do").contains("reprotect finished");
    }

    @Test
    void failbackOfAStackThatIsNotFailedOverChangesNothing() {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        DrRunner.Mark before = dr.mark();

        DrRunner.Result failback = dr.run(args("failback", "--yes"));

        assertThat(failback.exitCode()).isEqualTo(1);
        assertThat(failback.err()).contains("not failed over");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }
}
