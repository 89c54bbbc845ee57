package dr.regions.cleanup;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/** Which manual snapshots are the stack's kept final snapshots: what the report lists and the purge removes. */
class KeptSnapshotsTest {
    private static DBSnapshot snapshot(String id, String instance, String stackTag) {
        DBSnapshot.Builder builder = DBSnapshot.builder().dbSnapshotIdentifier(id).dbInstanceIdentifier(instance);
        if (stackTag != null) {
            builder.tagList(Tag.builder().key("dr:stack").value(stackTag).build());
        }
        return builder.build();
    }

    @Test
    void aFinalSnapshotNamedAsCleanupNamesItAndTaggedWithTheStackIsKept() {
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-final-20261203101500", "shop-db", "shop"), "shop"))
                .isTrue();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-replica-final-20261203101500", "shop-db-replica",
                null), "shop")).as("untagged, of the stack's own instance names").isTrue();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-g3-final-20261203101500", "shop-db-g3", null),
                "shop")).as("untagged, of a later generation (a replica promoted by failback)").isTrue();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-gx-final-20261203101500", "shop-db-gx", null),
                "shop")).as("not a generation").isFalse();
    }

    @Test
    void anotherStacksOrSomeoneElsesSnapshotIsNot() {
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-x-db-final-20261203101500", "shop-x-db", "shop-x"),
                "shop")).as("stack shop-x shares the prefix shop-").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-g3-final-20261203101500", "shop-db-g3", "shop-x"),
                "shop")).as("named like stack shop's database, tagged with stack shop-x: the tag wins").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-x-db-final-20261203101500", "shop-x-db", null),
                "shop")).as("untagged, not an instance name of stack shop").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-before-upgrade", "shop-db", "shop"), "shop"))
                .as("a manual snapshot the team took").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-final-2026", "shop-db", "shop"), "shop"))
                .isFalse();
    }

    /** reprotect/failback --delete-old-databases: the retired database's final snapshot is the stack's too. */
    @Test
    void aRetiredDatabasesFinalSnapshotIsKeptByTagOrUntaggedByTheStacksInstanceName() {
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-retired", "shop-db", "shop"), "shop")).isTrue();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-g3-retired", "shop-db-g3", null), "shop"))
                .as("untagged, of the stack's own instance names").isTrue();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-retired", "shop-db", "shop-x"), "shop"))
                .as("the tag wins").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("shop-db-retired-copy", "shop-db", "shop"), "shop"))
                .as("not a name dr gives").isFalse();
        assertThat(KeptSnapshots.madeByCleanup(snapshot("other-db-retired", "other-db", null), "shop")).isFalse();
    }
}
