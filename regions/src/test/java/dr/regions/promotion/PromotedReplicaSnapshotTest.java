package dr.regions.promotion;

import dr.core.engine.ProgressListener;
import dr.core.report.CleanupReport;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DR replica dr made, promoted and then removed by cleanup: its final snapshot carries the stack's tags, as the
 * primary's does, so cleanup knows it by its tag and not only by its name (CreateDBInstanceReadReplica's
 * CopyTagsToSnapshot: "By default, tags aren't copied",
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
 */
class PromotedReplicaSnapshotTest {
    private final InMemoryCloud cloud = ReadyStack.cloud();

    @Test
    void thePromotedReplicasFinalSnapshotIsTaggedWithTheStackAndKeptByCleanup() {
        PromotionTarget target = new PromotionTarget(cloud, ReadyStack.spec(), ReadyStack.DR,
                Optional.of(ReadyStack.PRIMARY));
        DatabasePromotion promotion = new DatabasePromotion(target);
        TaskRun.untilDone(cloud, promotion::request);
        TaskRun.untilDone(cloud, promotion::awaitWritable);
        TaskRun.untilDone(cloud, new DatabaseHardening(target)::ensure);

        CleanupReport report = new Cleanup(ReadyStack.spec().stack(), List.of(ReadyStack.PRIMARY, ReadyStack.DR),
                cloud, cloud.world().clock(), CleanupOptions.defaults()).run(ProgressListener.NONE);

        CleanupReport.KeptSnapshot kept = report.keptSnapshots().stream()
                .filter(s -> s.region().equals(ReadyStack.DR)).findFirst().orElseThrow();
        assertThat(kept.dbInstance()).isEqualTo("dr-db-replica");
        DBSnapshot snapshot = cloud.rds(ReadyStack.DR).describeDBSnapshots(r -> r.dbSnapshotIdentifier(
                kept.identifier())).dbSnapshots().get(0);
        assertThat(snapshot.tagList()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("dr:stack", ReadyStack.spec().stack()));
    }
}
