package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dr.core.ExitCode;
import dr.regions.drill.DrillStacks;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.security.SecurityRoles;
import dr.runbooks.RunbookResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Served from DR" means served by DR's instances from DR's database: the drill probes {@code /_dr/served} through
 * CloudFront, and a DR load balancer that answers while its instances or its database do not is not counted. The
 * report names the path and what it proves.
 */
class ServedFromDrDrillTest {
    private static final Duration SHORT_OBSERVATION = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    private DrillHarness harness() {
        return new DrillHarness(DrillStacks.withDomain(), temp);
    }

    private static RunbookResult forcedDrill(DrillHarness harness) {
        return harness.runner(harness.drill(new DrillOptions(null, SHORT_OBSERVATION, null, true))).run();
    }

    /** Every ingress rule off the DR region's group of {@code role}: its targets fail their health checks. */
    private static void closeDrGroup(DrillHarness harness, SecurityRoles role) {
        var ec2 = harness.cloud.ec2(DrillStacks.DR);
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:dr:role")
                .values(role.role()).build())).securityGroups().get(0);
        ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(group.ipPermissions()));
    }

    private static void assertNotServedFromDr(DrillHarness harness, RunbookResult result) throws Exception {
        JsonNode report = harness.reportJson();
        assertThat(report.get("observations").findValuesAsText("edgeRegion")).doesNotContain(DrillStacks.DR);
        JsonNode web = report.get("tiers").get(1);
        assertThat(web.get("expected").asBoolean()).isTrue();
        assertThat(web.has("rtoSeconds") && !web.get("rtoSeconds").isNull()).as("no web RTO: " + web).isFalse();
        assertThat(report.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
    }

    @Test
    void theReportNamesTheProbedPathAndWhatItProvesAndDrServesFromItsReplica() throws Exception {
        DrillHarness harness = harness();

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        JsonNode report = harness.reportJson();
        assertThat(report.get("notes").toString()).contains("GET /_dr/served through CloudFront",
                "read the region's own database");
        assertThat(report.get("observations").findValues("notes").toString())
                .contains(DrillStacks.DR + " instances read a read-only database");
        DrillJournal.WrittenReport written = new DrillJournal(harness.journal()).lastReport().orElseThrow();
        assertThat(Files.readString(written.markdown())).contains("/_dr/served");
    }

    @Test
    void drWebInstancesThatAreUnhealthyAreNotReportedAsServingFromDr() throws Exception {
        DrillHarness harness = harness();
        closeDrGroup(harness, SecurityRoles.WEB);

        RunbookResult result = forcedDrill(harness);

        assertNotServedFromDr(harness, result);
    }

    @Test
    void aDrDatabaseThatIsDownIsNotReportedAsServingFromDr() throws Exception {
        DrillHarness harness = harness();
        harness.cloud.rds(DrillStacks.DR).deleteDBInstance(r -> r.dbInstanceIdentifier("dr-db-replica")
                .skipFinalSnapshot(true));

        RunbookResult result = forcedDrill(harness);

        assertNotServedFromDr(harness, result);
        assertThat(harness.reportJson().get("observations").findValues("notes").toString())
                .contains(DrillStacks.DR + " instances could not read the database");
    }

    @Test
    void primaryInstancesLaunchedBeforeThePathExistedAreAPreflightProblem() {
        DrillHarness harness = harness();
        // instances launched from an earlier launch template, whose user data did not pass the path on
        String old = Base64.getEncoder().encodeToString("#!/bin/bash\nsystemctl enable --now httpd\n"
                .getBytes(StandardCharsets.UTF_8));
        for (Ec2State.Instance instance : harness.cloud.world().region(DrillStacks.PRIMARY).ec2.instances.values()) {
            if ("web".equals(instance.tags.get("dr:role"))) {
                instance.userData = old;
            }
        }
        long mutating = harness.cloud.world().calls().mutating();

        RunbookResult result = harness.runner(harness.drill()).run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
        assertThat(result.message()).contains("/_dr/served is not served by " + DrillStacks.PRIMARY, "HTTP 404",
                "instance refresh");
        assertThat(harness.cloud.world().calls().mutating()).isEqualTo(mutating);
    }
}
