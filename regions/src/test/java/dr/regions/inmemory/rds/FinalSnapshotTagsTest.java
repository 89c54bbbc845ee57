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
 * A read replica has its own setting: CreateDBInstanceReadReplica, CopyTagsToSnapshot
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html): "Specifies
 * whether to copy all tags from the read replica to snapshots of the read replica. By default, tags aren't copied."
 * (so not taken from the source), which ModifyDBInstance's CopyTagsToSnapshot turns on later
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html).
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

    /** The primary copies its tags; the cross-region replica, promoted and deleted, as {@code copyTags} asks. */
    private DBSnapshot finalSnapshotOfPromotedReplica(Boolean copyTags, boolean modifyAfterPromotion) {
        fixture.createPrimary("shop", r -> r.copyTagsToSnapshot(true));
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        RdsClient dr = fixture.rds(RdsFixture.DR);
        dr.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                .sourceDBInstanceIdentifier("arn:aws:rds:us-east-1:123456789012:db:shop").sourceRegion(PRIMARY)
                .kmsKeyId(fixture.kmsKeyOf(RdsFixture.DR)).dbSubnetGroupName(RdsFixture.SUBNET_GROUP)
                .vpcSecurityGroupIds(fixture.dr.securityGroupId()).copyTagsToSnapshot(copyTags)
                .tags(Tag.builder().key("dr:stack").value("shop").build()));
        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
        assertThat(fixture.describe(RdsFixture.DR, "shop-dr").copyTagsToSnapshot())
                .as("DescribeDBInstances' CopyTagsToSnapshot").isEqualTo(Boolean.TRUE.equals(copyTags));
        dr.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr").backupRetentionPeriod(7));
        fixture.advance(java.time.Duration.ofHours(1));
        if (modifyAfterPromotion) {
            dr.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-dr").copyTagsToSnapshot(true).applyImmediately(true));
            fixture.advance(ModeledDurations.RDS_MODIFY);
        }
        dr.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-dr").finalDBSnapshotIdentifier("shop-dr-final"));
        fixture.advance(ModeledDurations.RDS_DELETE);
        return dr.describeDBSnapshots(r -> r.dbSnapshotIdentifier("shop-dr-final")).dbSnapshots().get(0);
    }

    @Test
    void aReplicaMadeWithCopyTagsToSnapshotKeepsItThroughPromotion() {
        assertThat(finalSnapshotOfPromotedReplica(true, false).tagList()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("dr:stack", "shop"));
    }

    @Test
    void aReplicaDoesNotTakeTheSettingFromItsSourceButModifyTurnsItOn() {
        assertThat(finalSnapshotOfPromotedReplica(null, false).tagList()).as("by default, tags aren't copied")
                .isEmpty();
        assertThat(new FinalSnapshotTagsTest().finalSnapshotOfPromotedReplica(false, true).tagList())
                .extracting(Tag::key).contains("dr:stack");
    }

    @Test
    void withoutItTheFinalSnapshotHasNoTags() {
        assertThat(finalSnapshotOf("shop", false).tagList()).isEmpty();
    }
}
