package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.drill.DrillStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox"};

    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void setUp() {
        dr = new DrRunner(temp);
    }

    private DrRunner.Result provision(String... more) {
        return dr.run(Arguments.join(PROVISION, more));
    }

    @Test
    void jsonOutputIsOneDocumentWithEveryResourceAndTheModeledDuration() throws Exception {
        DrRunner.Result result = provision("--output", "json");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.path("stack").asText()).isEqualTo("dr");
        assertThat(report.path("primary").asText()).isEqualTo("us-east-1");
        assertThat(report.path("dr").asText()).isEqualTo("us-west-2");
        assertThat(report.path("resources").size()).isGreaterThan(40);
        assertThat(StreamSupport.stream(report.path("resources").spliterator(), false))
                .allSatisfy(r -> assertThat(r.path("action").asText()).isEqualTo("create"));
        assertThat(report.path("durationSeconds").asLong()).isGreaterThanOrEqualTo(report.path("criticalPathSeconds").asLong());
        assertThat(report.path("criticalPathSeconds").asLong()).isPositive();
        assertThat(result.err()).as("nothing but the document: no progress in json mode").isEmpty();
    }

    @Test
    void aSecondRunReportsEverythingUnchanged() throws Exception {
        provision("--output", "json");
        DrRunner.Mark before = dr.mark();

        JsonNode report = JSON.readTree(provision("--output", "json").out());

        assertThat(StreamSupport.stream(report.path("resources").spliterator(), false))
                .allSatisfy(r -> assertThat(r.path("action").asText()).isEqualTo("unchanged"));
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    /** The format passes (t3.humongous, m5.humongous, db.t3.humongous), but no region sells them: exit 2 before anything is made. */
    @Test
    void aSizeTheRegionsDoNotOfferIsBadInputBeforeAnythingIsCreated() {
        String[][] cases = {
            {"--web-instance-type", "t3.humongous",
                "--web-instance-type t3.humongous: EC2 does not offer this instance type in us-east-1 (the primary region)"},
            {"--app-instance-type", "m5.humongous",
                "--app-instance-type m5.humongous: EC2 does not offer this instance type in us-east-1 (the primary region)"},
            {"--db-instance-class", "db.t3.humongous",
                "--db-instance-class db.t3.humongous: RDS does not offer this class for MySQL 8.0 in us-east-1 (the "
                    + "primary region)"}};
        for (String[] bad : cases) {
            DrRunner.Mark before = dr.mark();

            DrRunner.Result result = provision(bad[0], bad[1]);

            assertThat(result.exitCode()).as("%s; stderr: %s", bad[1], result.err()).isEqualTo(2);
            assertThat(result.errLines()).singleElement().asString().startsWith("dr: " + bad[2]);
            assertThat(result.out()).isEmpty();
            assertThat(dr.changesBesideTheLockSince(before)).as("nothing created for %s", bad[1]).isEmpty();
        }
    }

    /** Stack dr holds api.example.com (record sets dr-primary, dr-dr): a second stack there stops before building. */
    @Test
    void aDomainWhoseApiRecordBelongsToAnotherStackIsBadInputBeforeAnythingIsCreated() {
        DrRunner built = new DrRunner(temp.resolve("built"),
                DrillStacks.provisioned(DrillStacks.withDomain()));
        DrRunner.Mark before = built.mark();

        DrRunner.Result result = built.run("provision", "--stack", "shop", "--primary", "us-east-1", "--dr",
                "us-west-2", "--domain", "example.com", "--sandbox");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().matches("dr: --domain example.com: api.example.com "
                + "already belongs to stack 'dr' \\(record set dr-(primary|dr)\\); use another domain, or clean that "
                + "stack up first");
        assertThat(built.changesBesideTheLockSince(before)).as("nothing created").isEmpty();

        DrRunner.Result again = built.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--domain",
                "example.com", "--sandbox", "-q");
        assertThat(again.exitCode()).as("the owner itself re-provisions; stderr: %s", again.err()).isZero();
    }

    @Test
    void textOutputSummarisesPerRegionAndSaysWhatWasSkipped() {
        DrRunner.Result result = provision();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("us-east-1", "us-west-2", "created", "critical path", "no --domain");
        assertThat(result.err()).as("progress goes to stderr").contains("db-replica");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        DrRunner.Result result = provision("--dry-run", "--output", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode plan = JSON.readTree(result.out());
        assertThat(plan.path("criticalPath").toString()).contains("us-east-1/db-primary", "us-west-2/db-replica");
        assertThat(plan.path("zones").path("us-west-2").path("b").asText()).isEqualTo("us-west-2b");
        assertThat(plan.path("drCapacity").path("desired").asInt()).as("the warm standby's").isEqualTo(1);
        // In the sandbox the zones are read, and whether the DR database was promoted; nothing else, nothing changes.
        assertThat(dr.cloud.world().calls().all()).as("calls in a sandbox dry run")
                .allSatisfy(call -> assertThat(call.operation()).isIn("DescribeSubnets", "DescribeAvailabilityZones",
                        "DescribeInstanceTypeOfferings", "DescribeDBInstances", "DescribeVpcs"));
        assertThat(dr.cloud.world().calls().mutating()).isZero();
    }

    @Test
    void aDryRunOnAwsReadsOnlyTheFailoverStateAndSaysTheZonesAreChosenAtRunTime() {
        dr.environment.withAccessKeys();
        DrRunner.Result result = dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--dry-run");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("Zones in us-east-1: chosen at run time (a dry run does not read them)",
                "Zones in us-west-2: chosen at run time (a dry run does not read them)",
                "Dry run: nothing was changed; the only AWS calls read the stack's recorded settings and where the "
                        + "writer database is (one read per region).");
        // No stack yet: no settings recorded on a VPC in either region; then the databases of each region.
        assertThat(dr.cloud.world().calls().all()).as("AWS calls in a dry run")
                .extracting(call -> call.operation())
                .containsExactly("DescribeVpcs", "DescribeVpcs", "DescribeDBInstances", "DescribeDBInstances");
        assertThat(dr.cloud.world().calls().inRegion("us-west-2")).isEqualTo(2);
        assertThat(dr.cloud.world().calls().inRegion("us-east-1")).isEqualTo(2);
    }
}
