package dr.regions.database;

import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.step.Deleting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DatabaseInstances}, the one DB instance lookup, on the in-memory cloud: one code path, and the caller says
 * whether an instance RDS still lists as {@code deleting} counts (the two former copies disagreed silently).
 */
class DatabaseInstancesTest {
    private static final String REGION = "us-east-1";

    private final InMemoryCloud cloud = new InMemoryCloud();
    private final RdsClient rds = cloud.rds(REGION);

    @BeforeEach
    void network() {
        Ec2Client ec2 = cloud.ec2(REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.10.5.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.10.6.0/24").availabilityZone(REGION + "b"))
                .subnet().subnetId();
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("shop-db").dbSubnetGroupDescription("db").subnetIds(a, b));
    }

    private void create(String identifier) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(identifier).dbInstanceClass("db.t3.micro").engine("mysql")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("generated-and-forgotten-1")
                .dbSubnetGroupName("shop-db").deletionProtection(false));
        cloud.world().clock().advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
    }

    @Test
    void anAvailableInstanceIsFoundWhicheverViewTheCallerTakes() {
        create("shop-db");

        for (Deleting view : Deleting.values()) {
            assertThat(DatabaseInstances.find(rds, "shop-db", view)).map(DBInstance::dbInstanceStatus)
                    .contains("available");
        }
        assertThat(DatabaseInstances.require(rds, "shop-db").dbInstanceIdentifier()).isEqualTo("shop-db");
    }

    @Test
    void anUnknownIdentifierIsAnAnswerNotAnError() {
        for (Deleting view : Deleting.values()) {
            assertThat(DatabaseInstances.find(rds, "shop-db", view)).isEmpty();
        }
        assertThatThrownBy(() -> DatabaseInstances.require(rds, "shop-db"))
                .isInstanceOf(DbInstanceNotFoundException.class);
    }

    @Test
    void aDeletingInstanceIsPresentOnlyForCallersThatAskForIt() {
        create("shop-db");
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));

        assertThat(DatabaseInstances.find(rds, "shop-db", Deleting.PRESENT)).map(DBInstance::dbInstanceStatus)
                .contains("deleting");
        assertThat(DatabaseInstances.find(rds, "shop-db", Deleting.ABSENT)).isEmpty();
        assertThat(DatabaseInstances.require(rds, "shop-db").dbInstanceStatus()).isEqualTo("deleting");
    }

    @Test
    void onceRdsNoLongerListsItNoViewFindsIt() {
        create("shop-db");
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-db").skipFinalSnapshot(true));
        cloud.world().clock().advance(ModeledDurations.RDS_DELETE);

        for (Deleting view : Deleting.values()) {
            assertThat(DatabaseInstances.find(rds, "shop-db", view)).isEmpty();
        }
        assertThatThrownBy(() -> DatabaseInstances.require(rds, "shop-db"))
                .isInstanceOf(DbInstanceNotFoundException.class);
    }

    @Test
    void identifiersKeepTheFirstTwoNamesAndStayUniqueAcrossCycles() {
        StackSpec spec = StackSpec.defaults("us-east-1", "us-west-2");
        assertThat(DatabaseRoles.identifier(spec, 1)).isEqualTo("dr-db");
        assertThat(DatabaseRoles.identifier(spec, 2)).isEqualTo("dr-db-replica");
        assertThat(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(g -> DatabaseRoles.identifier(spec, g)))
                .doesNotHaveDuplicates().contains("dr-db-g3", "dr-db-g12");
    }

    @Test
    void theRoleComesFromRdsForReplicationAndFromTheTagForRetirement() {
        create("shop-db");
        rds.addTagsToResource(r -> r.resourceName(DatabaseInstances.require(rds, "shop-db").dbInstanceArn())
                .tags(t -> t.key("dr:stack").value("shop"), t -> t.key("dr:role").value("db-replica")));
        // Tagged a replica, but RDS lists no replication source: a writer (an old-style promotion left the tag).
        assertThat(DatabaseInstances.writer(rds, "shop")).map(DBInstance::dbInstanceIdentifier).contains("shop-db");
        assertThat(DatabaseInstances.replica(rds, "shop")).isEmpty();
        assertThat(DatabaseInstances.generation(DatabaseInstances.require(rds, "shop-db"))).isEqualTo(2);

        RoleTag.record(rds, DatabaseInstances.require(rds, "shop-db"), DatabaseRoles.RETIRED);

        assertThat(DatabaseInstances.writer(rds, "shop")).isEmpty();
        assertThat(DatabaseInstances.role(DatabaseInstances.require(rds, "shop-db"))).isEqualTo(DatabaseRoles.RETIRED);
        assertThat(DatabaseInstances.ofStack(rds, "other")).isEmpty();
    }
}
