package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbSnapshotStateException;
import software.amazon.awssdk.services.rds.model.RdsException;

import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class DbInstanceDeletionTest {
    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient rds = fixture.rds(PRIMARY);

    private void createAvailable(String id, boolean deletionProtection) {
        fixture.createPrimary(id, r -> r.deletionProtection(deletionProtection));
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
    }

    @Test
    void aProtectedDatabaseIsRefusedUntilProtectionIsTurnedOff() {
        createAvailable("shop", true);

        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true)),
                RdsException.class, "InvalidParameterCombination", 400);

        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").deletionProtection(false).applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);
        var deleting = rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true)).dbInstance();

        assertThat(deleting.dbInstanceStatus()).isEqualTo("deleting");
    }

    /**
     * RDS API reference, DeleteDBInstance, SkipFinalSnapshot
     * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html): "When a DB instance is
     * in a failure state and has a status of failed, incompatible-restore, or incompatible-network, RDS can delete
     * the instance only if you enable this parameter." Refused with the operation's InvalidDBInstanceState fault.
     */
    @ParameterizedTest
    @ValueSource(strings = {"failed", "incompatible-restore", "incompatible-network"})
    void anInstanceInAFailureStateIsDeletedOnlyWithoutAFinalSnapshot(String failure) {
        createAvailable("shop", false);
        fixture.cloud.world().regions.get(PRIMARY).rds.instances.get("shop").timeline
                .restart(fixture.cloud.world().time(), failure);

        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop")
                        .finalDBSnapshotIdentifier("shop-final")),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);
        assertThat(rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("shop")).dbSnapshots()).isEmpty();
        assertThat(fixture.describe(PRIMARY, "shop").dbInstanceStatus()).isEqualTo(failure);

        var deleting = rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true)).dbInstance();

        assertThat(deleting.dbInstanceStatus()).isEqualTo("deleting");
    }

    @Test
    void aDeletedDatabaseIsDeletingThenGone() {
        createAvailable("shop", false);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true));

        fixture.advance(ModeledDurations.RDS_DELETE.minusSeconds(1));
        assertThat(fixture.describe(PRIMARY, "shop").dbInstanceStatus()).isEqualTo("deleting");
        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true)),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        fixture.advance(ModeledDurations.RDS_DELETE);
        assertRefused(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("shop")),
                DbInstanceNotFoundException.class, "DBInstanceNotFound", 404);
        assertThat(fixture.cloud.world().dependencies.usersOf(fixture.primary.securityGroupId())).isEmpty();
    }

    @Test
    void aPrimaryNeedsAFinalSnapshotIdentifierUnlessItSkipsTheSnapshot() {
        createAvailable("shop", false);

        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop")),
                RdsException.class, "InvalidParameterCombination", 400);
        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true)
                        .finalDBSnapshotIdentifier("shop-final")),
                RdsException.class, "InvalidParameterCombination", 400);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").finalDBSnapshotIdentifier("shop-final"));

        DBSnapshot creating = rds.describeDBSnapshots(r -> r.dbInstanceIdentifier("shop")).dbSnapshots().get(0);
        assertThat(creating.status()).isEqualTo("creating");
        assertThat(creating.dbSnapshotArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:snapshot:shop-final");
        assertRefused(() -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("shop-final")),
                InvalidDbSnapshotStateException.class, "InvalidDBSnapshotState", 400);

        fixture.advance(ModeledDurations.RDS_DELETE);
        DBSnapshot available = rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("shop-final")).dbSnapshots().get(0);
        assertThat(available.status()).isEqualTo("available");
        assertThat(available.encrypted()).isTrue();
        assertThat(available.snapshotType()).isEqualTo("manual");
    }

    @Test
    void aFinalSnapshotNameAlreadyTakenIsRefused() {
        createAvailable("shop", false);
        createAvailable("shop2", false);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").finalDBSnapshotIdentifier("final"));

        assertRefused(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop2").finalDBSnapshotIdentifier("final")),
                DbSnapshotAlreadyExistsException.class, "DBSnapshotAlreadyExists", 400);
    }

    @Test
    void anAvailableSnapshotIsDeleted() {
        createAvailable("shop", false);
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").finalDBSnapshotIdentifier("shop-final"));
        fixture.advance(ModeledDurations.RDS_DELETE);

        assertThat(rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("shop-final")).dbSnapshot().status())
                .isEqualTo("deleted");
        assertRefused(() -> rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("shop-final")),
                DbSnapshotNotFoundException.class, "DBSnapshotNotFound", 404);
        assertThat(rds.describeDBSnapshots().dbSnapshots()).isEmpty();
    }
}
