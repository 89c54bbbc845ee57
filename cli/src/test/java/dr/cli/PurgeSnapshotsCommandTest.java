package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.report.SnapshotStoragePrice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 10: the final snapshots a cleanup keeps, their cost, and {@code cleanup --purge-snapshots}. */
class PurgeSnapshotsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REGIONS = {"--primary", "us-east-1", "--dr", "us-west-2"};

    @TempDir
    Path temp;
    DrRunner dr;
    JsonNode cleanupReport;

    @BeforeEach
    void provisionAndCleanUp() throws Exception {
        dr = new DrRunner(temp);
        dr.assertSucceeded(dr.run("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox", "-q"));
        DrRunner.Result cleanup = dr.run("cleanup", "--sandbox", "--yes", "--output", "json");
        assertThat(cleanup.exitCode()).as("stderr: %s", cleanup.err()).isZero();
        cleanupReport = JSON.readTree(cleanup.out());
    }

    private String[] purge(String... more) {
        return Arguments.join(new String[] {"cleanup", "--sandbox", "--purge-snapshots"}, REGIONS, more);
    }

    @Test
    void theCleanupReportListsEachKeptSnapshotWithItsSizeAndMonthlyCost() throws Exception {
        JsonNode kept = cleanupReport.get("keptSnapshots");
        assertThat(kept).isNotEmpty();
        for (JsonNode snapshot : kept) {
            int size = snapshot.get("sizeGiB").asInt();
            assertThat(size).isPositive();
            assertThat(snapshot.get("monthlyCostUsd").asDouble()).isEqualTo(
                    Math.round(size * SnapshotStoragePrice.usdPerGibMonth(snapshot.get("region").asText()) * 100)
                            / 100.0);
            assertThat(snapshot.get("priceBasis").asText()).contains("/GiB-month");
        }
        assertThat(cleanupReport.get("priceSource").asText()).isEqualTo(SnapshotStoragePrice.SOURCE);
        String markdown = Files.readString(Path.of(cleanupReport.get("reportFiles").get("markdown").asText()));
        assertThat(markdown).contains("| size | per month |", " GiB | $", SnapshotStoragePrice.SOURCE,
                "--purge-snapshots");
    }

    @Test
    void dryRunListsWhatWouldGoAndChangesNothing() throws Exception {
        long mutating = dr.cloud.world().calls().mutating();

        DrRunner.Result result = dr.run(purge("--dry-run", "--output", "json"));

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode listed = JSON.readTree(result.out());
        assertThat(listed.get("wouldRemove")).hasSameSizeAs(cleanupReport.get("keptSnapshots"));
        assertThat(dr.cloud.world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void withoutATerminalOrYesNothingIsRemovedAndTheExitCodeIsTwo() {
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = dr.run(purge());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("pass --yes");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    @Test
    void withYesTheKeptSnapshotsGoAndASecondRunFindsNothing() throws Exception {
        DrRunner.Result result = dr.run(purge("--yes", "--output", "json"));

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode purged = JSON.readTree(result.out());
        assertThat(purged.get("removed")).hasSameSizeAs(cleanupReport.get("keptSnapshots"));
        assertThat(purged.get("stillKept")).isEmpty();
        for (String region : new String[] {"us-east-1", "us-west-2"}) {
            assertThat(dr.cloud.rds(region).describeDBSnapshots(r -> r.snapshotType("manual")).dbSnapshots())
                    .isEmpty();
        }

        DrRunner.Result again = dr.run(purge("--yes"));
        assertThat(again.exitCode()).as("stderr: %s", again.err()).isZero();
        assertThat(again.out()).contains("No snapshot kept by a cleanup of stack dr.");
    }

    @Test
    void withTheStackGoneItsRegionsMustBeGiven() {
        DrRunner.Result result = dr.run("cleanup", "--sandbox", "--purge-snapshots", "--yes");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("pass --primary and --dr");
    }
}
