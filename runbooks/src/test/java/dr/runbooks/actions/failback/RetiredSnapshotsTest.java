package dr.runbooks.actions.failback;

import dr.core.model.ModeledDurations;
import dr.core.report.CleanupReport.KeptSnapshot;
import dr.regions.cleanup.SnapshotPurge;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.actions.OperationsRun;
import dr.runbooks.actions.cycle.CycleActions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.nio.file.Path;
import java.util.List;

import static dr.runbooks.actions.failback.FailoverCycleTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reprotect --delete-old-databases} deletes the old primary with a final snapshot {@code <id>-retired}: a cost
 * that stays. Cleanup lists it with the other kept final snapshots (size, monthly cost) and
 * {@code cleanup --purge-snapshots} removes it; it carries the stack's tag even when the old primary was made without
 * CopyTagsToSnapshot (DeleteDBInstance takes no tags:
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html, so reprotect turns
 * CopyTagsToSnapshot on, ModifyDBInstance, before it deletes).
 */
class RetiredSnapshotsTest {
    private static final List<String> REGIONS = List.of(ReadyStack.PRIMARY, ReadyStack.DR);

    @TempDir
    Path temp;

    @Test
    void theRetiredPrimarysFinalSnapshotIsTaggedListedAndPurged() {
        InMemoryCloud cloud = ReadyStack.cloud();
        // an old primary made before dr set CopyTagsToSnapshot
        cloud.rds(ReadyStack.PRIMARY).modifyDBInstance(r -> r.dbInstanceIdentifier("dr-db").copyTagsToSnapshot(false)
                .applyImmediately(true));
        cloud.world().clock().advance(ModeledDurations.RDS_MODIFY);
        OperationsRun run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR), temp);
        ok(run.run("promote-replica"));
        run.attribute(CycleActions.DELETE_OLD_ATTRIBUTE, true);
        ok(run.run("reprotect"));
        cloud.world().clock().advance(ModeledDurations.RDS_DELETE);

        DBSnapshot retired = cloud.rds(ReadyStack.PRIMARY).describeDBSnapshots(r -> r.dbSnapshotIdentifier(
                "dr-db-retired")).dbSnapshots().get(0);
        assertThat(retired.tagList()).anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("dr:stack=dr"));

        SnapshotPurge purge = new SnapshotPurge(cloud, "dr", REGIONS);
        List<KeptSnapshot> kept = purge.candidates();
        assertThat(kept).extracting(KeptSnapshot::identifier).containsExactly("dr-db-retired");
        assertThat(kept.get(0).sizeGib()).isPositive();
        assertThat(kept.get(0).monthlyUsd()).isPositive();

        assertThat(purge.purge(kept).stillKept()).isEmpty();
        assertThat(cloud.rds(ReadyStack.PRIMARY).describeDBSnapshots(r -> r.snapshotType("manual")).dbSnapshots())
                .extracting(DBSnapshot::dbSnapshotIdentifier).doesNotContain("dr-db-retired");
    }
}
