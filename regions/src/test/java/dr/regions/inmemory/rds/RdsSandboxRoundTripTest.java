package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import static dr.regions.inmemory.rds.RdsFixture.DR;
import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

class RdsSandboxRoundTripTest {
    private static final String SOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:db:shop";

    @Test
    void aPopulatedRdsSurvivesSaveAndLoadAndCarriesOnFromWhereItWas() {
        RdsFixture fixture = new RdsFixture();
        fixture.createPrimary("shop", r -> r.tags(Tag.builder().key("dr:stack").value("shop").build()));
        fixture.createPrimary("old", r -> r.deletionProtection(false));
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        fixture.rds(PRIMARY).deleteDBInstance(r -> r.dbInstanceIdentifier("old").finalDBSnapshotIdentifier("old-final"));
        fixture.rds(DR).createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                .sourceDBInstanceIdentifier(SOURCE_ARN).sourceRegion(PRIMARY).kmsKeyId(fixture.kmsKeyOf(DR))
                .dbSubnetGroupName(SUBNET_GROUP).vpcSecurityGroupIds(fixture.dr.securityGroupId()));
        DBInstance primaryBefore = fixture.describe(PRIMARY, "shop");

        String json = SandboxStore.toJson(fixture.cloud.world());
        World loaded = SandboxStore.fromJson(json);
        InMemoryCloud reloaded = new InMemoryCloud(loaded);

        assertThat(SandboxStore.toJson(loaded)).isEqualTo(json);
        assertThat(reloaded.rds(PRIMARY).describeDBInstances(r -> r.dbInstanceIdentifier("shop")).dbInstances().get(0))
                .isEqualTo(primaryBefore);
        assertThat(loaded.dependencies.usersOf(fixture.dr.securityGroupId()))
                .containsExactly("arn:aws:rds:us-west-2:123456789012:db:shop-dr");

        loaded.clock().advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
        DBInstance replica = reloaded.rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"))
                .dbInstances().get(0);
        assertThat(replica.dbInstanceStatus()).isEqualTo("available");
        assertThat(replica.readReplicaSourceDBInstanceIdentifier()).isEqualTo(SOURCE_ARN);
        assertThat(reloaded.rds(PRIMARY).describeDBSnapshots(r -> r.dbSnapshotIdentifier("old-final"))
                .dbSnapshots().get(0).status()).isEqualTo("available");
        assertThat(reloaded.rds(PRIMARY).describeDBInstances().dbInstances())
                .extracting(DBInstance::dbInstanceIdentifier).containsExactly("shop");

        reloaded.rds(DR).promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr"));
        World again = SandboxStore.fromJson(SandboxStore.toJson(loaded));
        again.clock().advance(ModeledDurations.RDS_PROMOTE);
        assertThat(new InMemoryCloud(again).rds(DR).describeDBInstances(r -> r.dbInstanceIdentifier("shop-dr"))
                .dbInstances().get(0).readReplicaSourceDBInstanceIdentifier()).isNull();
    }
}
