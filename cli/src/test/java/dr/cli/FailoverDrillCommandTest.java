package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.model.ModeledDurations;
import dr.regions.drill.DrillStacks;
import dr.regions.drill.IngressRules;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.lock.LockZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailoverDrillCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** A copy of a sandbox account where the stack was provisioned with --domain example.com. */
    private DrRunner provisioned() {
        return new DrRunner(temp, DrillStacks.provisioned(DrillStacks.withDomain()));
    }

    static Map<String, Set<IngressRules.Rule>> ingress(InMemoryCloud cloud) {
        Map<String, Set<IngressRules.Rule>> groups = new LinkedHashMap<>();
        for (String region : List.of(DrillStacks.PRIMARY, DrillStacks.DR)) {
            cloud.ec2(region).describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:dr:stack")
                            .values("dr").build())).securityGroups()
                    .forEach(g -> groups.put(g.groupId(), IngressRules.rules(g.ipPermissions())));
        }
        return groups;
    }

    private Path reports() {
        return temp.resolve("reports");
    }

    private List<Path> reportFiles() throws Exception {
        if (!Files.isDirectory(reports())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports())) {
            return files.sorted().toList();
        }
    }

    @Test
    void afterAFullProvisionWithADomainTheDrillFailsOverRestoresAndReportsItsRto() throws Exception {
        DrRunner dr = new DrRunner(temp);
        dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--domain",
                "example.com", "--sandbox", "-q"));
        Map<String, Set<IngressRules.Rule>> before = ingress(dr.cloud);

        DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--yes", "--report", reports().toString());

        dr.assertSucceeded(result);
        assertThat(result.out()).contains("PASSED against an RTO target of 5m00s", "DNS tier (api.example.com",
                "Web tier (CloudFront origin failover on app.example.com): 3s", "failback:",
                "modeled: Route 53 detection 10 s x 2 = 20s; CloudFront worst case per request 3s", "Report: ");
        assertThat(reportFiles()).extracting(p -> p.getFileName().toString().replaceAll(".*\\.", ""))
                .containsExactly("html", "json", "md");
        assertThat(ingress(dr.cloud)).as("the primary's rules are back, exactly").isEqualTo(before);
        assertThat(result.err()).contains("failover +0s:", "failback +");
        assertThat(result.out()).containsPattern("RPO: replica lag \\d+ s before the fault, at most \\d+ s while it "
                + "was in place \\(ReplicaLag of dr-db-replica, read in us-west-2\\)");
        String markdown = Files.readString(reportFiles().stream().filter(p -> p.toString().endsWith(".md"))
                .findFirst().orElseThrow());
        assertThat(markdown).contains("## RPO observed", "| replica lag before the fault | ",
                "| max replica lag while the fault was in place | ");
        String html = Files.readString(reportFiles().stream().filter(p -> p.toString().endsWith(".html"))
                .findFirst().orElseThrow());
        assertThat(html).contains("<tr id=\"rpo-line\"><td>while faulted</td>", "<p id=\"rpo\">replica lag ");
        JsonNode rpo = JSON.readTree(Files.readString(reportFiles().stream()
                .filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow())).get("rpo");
        assertThat(rpo.get("region").asText()).isEqualTo("us-west-2");
        assertThat(rpo.get("lagBeforeFaultSeconds").asDouble()).isEqualTo(1.0);
        assertThat(rpo.get("maxLagDuringFaultSeconds").asDouble()).isEqualTo(1.0);
        System.out.printf("[figures] drill RPO observed: lag before the fault %.0f s, max while faulted %.0f s, "
                + "beside the RTO%n", rpo.get("lagBeforeFaultSeconds").asDouble(),
                rpo.get("maxLagDuringFaultSeconds").asDouble());
    }

    @Test
    void theJsonOutputIsTheReportAndNothingElse() throws Exception {
        DrRunner dr = provisioned();

        DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--yes", "--output", "json", "--report",
                reports().toString());

        dr.assertSucceeded(result);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(report.get("tiers").get(0).get("rtoSeconds").asLong()).isBetween(10L, 30L);
        assertThat(report.get("tiers").get(1).get("rtoSeconds").asLong()).isEqualTo(3);
        assertThat(Path.of(report.get("files").get("html").asText())).exists();
        JsonNode written = JSON.readTree(Files.readString(Path.of(report.get("files").get("json").asText())));
        JsonNode printed = ((com.fasterxml.jackson.databind.node.ObjectNode) report.deepCopy()).without("files");
        assertThat(printed).as("the document printed is the report written").isEqualTo(written);
    }

    /** The hook runs after the report said PASSED; the process then ends before the command's own print. */
    @Test
    void aCtrlCAfterTheReportIsWrittenStillPrintsTheSummaryOnce() {
        DrRunner dr = provisioned();
        dr.environment.ctrlCAsTheRunEnds();

        DrRunner.Result result = dr.runEndedByCtrlC("failover", "drill", "--sandbox", "--yes", "--report",
                reports().toString());

        assertThat(result.out()).contains("PASSED against an RTO target of 5m00s", "Report: ");
        assertThat(result.out().split("Report: ", -1)).as("printed once: %s", result.out()).hasSize(2);
    }

    @Test
    void aCtrlCAfterTheReportIsWrittenStillPrintsTheOneJsonDocument() throws Exception {
        DrRunner dr = provisioned();
        dr.environment.ctrlCAsTheRunEnds();

        DrRunner.Result result = dr.runEndedByCtrlC("failover", "drill", "--sandbox", "--yes", "--output", "json",
                "--report", reports().toString());

        JsonNode report = JSON.readerFor(JsonNode.class)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(result.out());
        assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
    }

    @Test
    void aTinyRtoTargetIsMissedWithExitThreeAndTheRulesAreStillRestored() throws Exception {
        DrRunner dr = provisioned();
        Map<String, Set<IngressRules.Rule>> before = ingress(dr.cloud);

        DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--yes", "--rto-target", "2s",
                "--report", reports().toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).contains("FAILED against an RTO target of 2s", "Report: ");
        assertThat(result.err()).contains("dr: failover-drill: step 'report' failed", "over the target of 2s");
        assertThat(ingress(dr.cloud)).isEqualTo(before);
        assertThat(reportFiles()).hasSize(3);
    }

    @Test
    void theHealthCheckFaultFailsDnsOverAndRevertsTheHealthCheck() throws Exception {
        DrRunner dr = provisioned();

        DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--yes", "--fault", "health-check",
                "--output", "json");

        dr.assertSucceeded(result);
        JsonNode report = JSON.readTree(result.out());
        assertThat(Path.of(report.get("files").get("markdown").asText()).getParent())
                .as("./dr-reports of the working directory by default")
                .isEqualTo(dr.workingDirectory.resolve("dr-reports"));
        assertThat(report.get("fault").get("kind").asText()).isEqualTo("health-check");
        assertThat(report.get("tiers").get(1).get("expected").asBoolean()).isFalse();
        String id = dr.cloud.route53().listHealthChecks().healthChecks().get(0).id();
        assertThat(dr.cloud.route53().getHealthCheck(r -> r.healthCheckId(id)).healthCheck().healthCheckConfig()
                .inverted()).isFalse();
    }

    @Nested
    class Preflight {
        @Test
        void aMissingReplicaIsRefusedWithExitThreeAndForceRunsTheDrillAnyway() throws Exception {
            DrRunner dr = provisioned();
            dr.cloud.rds(DrillStacks.DR).deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                    .skipFinalSnapshot(true));
            dr.cloud.world().clock().advance(ModeledDurations.RDS_DELETE);
            DrRunner.Mark before = dr.mark();

            DrRunner.Result refused = dr.run("failover", "drill", "--sandbox", "--yes", "--report",
                    reports().toString());

            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.err()).contains("no read replica in us-west-2", "--force");
            assertThat(dr.changesBesideTheLockSince(before)).as("nothing was changed").isEmpty();
            assertThat(reportFiles()).isEmpty();

            DrRunner.Result forced = dr.run("failover", "drill", "--sandbox", "--yes", "--force", "--report",
                    reports().toString());

            assertThat(forced.exitCode()).as("DR has no database, so its instances never serve the web probe")
                    .isEqualTo(3);
            assertThat(forced.err()).contains("us-west-2 instances could not read the database");
            assertThat(reportFiles()).hasSize(3);
        }
    }

    @Nested
    class Refusals {
        @Test
        void withoutYesAndWithoutATerminalNothingIsBroken() {
            DrRunner dr = provisioned();
            DrRunner.Mark before = dr.mark();

            DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--report", reports().toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("pass --yes");
            assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
        }

        @Test
        void anUnknownFaultOrABadDurationIsBadInputBeforeAnyCall() {
            DrRunner dr = provisioned();

            dr.assertRejected(dr.run("failover", "drill", "--sandbox", "--yes", "--fault", "dns"),
                    "--fault dns: unknown fault (known: ingress, health-check, network)");
            dr.assertRejected(dr.run("failover", "drill", "--sandbox", "--yes", "--timeout", "soon"),
                    "--timeout soon: not a duration");
            dr.assertRejected(dr.run("failover", "drill", "--sandbox", "--yes", "--rto-target", "0s"),
                    "--rto-target must be longer than zero");
        }

        @Test
        void aDryRunShowsTheStepsWithTheChosenParametersAndChangesNothing() {
            DrRunner dr = provisioned();

            DrRunner.Result result = dr.run("failover", "drill", "--sandbox", "--dry-run", "--fault", "health-check",
                    "--timeout", "2m", "--rto-target", "90s");

            dr.assertSucceeded(result);
            assertThat(result.out()).contains("inject-fault", "fault: health-check", "timeout: 2m", "rto-target: 1m30s",
                    "Dry run: nothing was changed.");
            dr.assertNoAwsClientUsed();
        }

        @Test
        void aDrillThatDiedUnrestoredBlocksTheNextOneUntilItIsRestored() {
            DrRunner dr = provisioned();
            LockZone.ensure(dr.cloud.route53());
            dr.cloud.world().faults().crashAtMutatingCall(2, CrashPoint.AFTER_CALL); // 1 takes the stack lock
            assertThatThrownBy(() -> dr.run("failover", "drill", "--sandbox", "--yes", "--report",
                    reports().toString())).isInstanceOf(SimulatedCrash.class);

            DrRunner.Result blocked = dr.run("failover", "drill", "--sandbox", "--yes");

            assertThat(blocked.exitCode()).isEqualTo(2);
            assertThat(blocked.err()).contains("was not restored: run 'dr failover restore' first");
            dr.assertSucceeded(dr.run("failover", "restore", "--sandbox", "--report", reports().toString()));
            dr.assertSucceeded(dr.run("failover", "drill", "--sandbox", "--yes", "--report", reports().toString()));
        }
    }
}
