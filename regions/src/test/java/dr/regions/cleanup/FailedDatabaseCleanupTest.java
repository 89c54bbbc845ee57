package dr.regions.cleanup;

import dr.core.engine.ProgressListener;
import dr.core.engine.StepOutcome;
import dr.core.report.CleanupReport;
import dr.regions.discovery.StackWorld;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A primary database in a failure state: RDS deletes it only without a final snapshot (DeleteDBInstance,
 * SkipFinalSnapshot, https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html), so
 * cleanup deletes it so and says so, or stops at once when RDS will not even let its deletion protection go.
 */
class FailedDatabaseCleanupTest {
    private static final String DB = "dr-db";
    private final StackWorld world = StackWorld.create();

    private CleanupReport run() {
        return new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud, world.cloud.world().clock(),
                CleanupOptions.defaults()).run(ProgressListener.NONE);
    }

    private void primaryFails(String state) {
        world.cloud.world().regions.get(StackWorld.PRIMARY).rds.instances.get(DB).timeline
                .restart(world.cloud.world().time(), state);
    }

    @Test
    void aFailedUnprotectedPrimaryGoesWithoutAFinalSnapshotAndTheReportWarnsOfIt() {
        world.cloud.rds(StackWorld.PRIMARY).modifyDBInstance(r -> r.dbInstanceIdentifier(DB)
                .deletionProtection(false).applyImmediately(true));
        world.cloud.world().clock().advance(Duration.ofMinutes(10));
        primaryFails("incompatible-network");
        Instant start = world.cloud.world().time();

        CleanupReport report = run();

        assertThat(report.result().failed()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.keptSnapshots()).isEmpty();
        assertThat(world.cloud.rds(StackWorld.PRIMARY).describeDBSnapshots(r -> r.snapshotType("manual"))
                .dbSnapshots()).noneMatch(s -> DB.equals(s.dbInstanceIdentifier()));
        assertThat(report.warnings()).singleElement().asString()
                .contains(DB, "WITHOUT a final snapshot", "incompatible-network");
        StringWriter text = new StringWriter();
        report.printText(new PrintWriter(text, true));
        assertThat(text.toString()).contains("WARNING", "WITHOUT a final snapshot");
        assertThat(report.toJson().get("warnings")).hasSize(1);
        assertThat(report.toMarkdown()).contains("## Warnings");
        assertThat(Duration.between(start, world.cloud.world().time())).isLessThan(Duration.ofMinutes(60));
    }

    @Test
    void aFailedPrimaryWhoseProtectionRdsWillNotTurnOffStopsAtOnceWithTheReason() {
        primaryFails("failed");
        Instant start = world.cloud.world().time();

        CleanupReport report = run();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.result().failed()).singleElement().extracting(StepOutcome::message).asString()
                .contains(DB, "failed", "deletion protection", "InvalidDBInstanceState");
        assertThat(world.cloud.rds(StackWorld.PRIMARY).describeDBInstances(r -> r.dbInstanceIdentifier(DB))
                .dbInstances()).singleElement().satisfies(db -> assertThat(db.dbInstanceStatus()).isEqualTo("failed"));
        assertThat(Duration.between(start, world.cloud.world().time())).as("no waiting for the 90-minute timeout")
                .isLessThan(Duration.ofMinutes(30));
    }
}
