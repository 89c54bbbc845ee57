package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RDS API reference, CreateDBInstance, CopyTagsToSnapshot
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html): "Specifies whether to copy
 * tags from the DB instance to snapshots of the DB instance. By default, tags are not copied." A final snapshot's
 * AllocatedStorage is the instance's (DBSnapshot, AllocatedStorage: "the allocated storage size in gibibytes").
 */
class FinalSnapshotTagsTest {
    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient rds = fixture.rds(PRIMARY);

    private DBSnapshot finalSnapshotOf(String id, boolean copyTags) {
        fixture.createPrimary(id, r -> r.deletionProtection(false).copyTagsToSnapshot(copyTags).tags(Tag.builder().key("dr:stack")
                .value("shop").build()));
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).finalDBSnapshotIdentifier(id + "-final"));
        fixture.advance(ModeledDurations.RDS_DELETE);
        return rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier(id + "-final")).dbSnapshots().get(0);
    }

    @Test
    void withCopyTagsToSnapshotTheFinalSnapshotCarriesTheInstancesTags() {
        DBSnapshot snapshot = finalSnapshotOf("shop", true);

        assertThat(snapshot.tagList()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("dr:stack", "shop"));
        assertThat(snapshot.allocatedStorage()).isPositive();
    }

    @Test
    void withoutItTheFinalSnapshotHasNoTags() {
        assertThat(finalSnapshotOf("shop", false).tagList()).isEmpty();
    }
}
