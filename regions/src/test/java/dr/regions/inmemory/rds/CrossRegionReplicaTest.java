package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.KmsKeyNotAccessibleException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.function.Consumer;

import static dr.regions.inmemory.rds.RdsFixture.DR;
import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossRegionReplicaTest {
    private static final String SOURCE_ARN = "arn:aws:rds:us-east-1:123456789012:db:shop";
    private static final String REPLICA_ARN = "arn:aws:rds:us-west-2:123456789012:db:shop-dr";

    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient drRds = fixture.rds(DR);

    private void createAvailablePrimary(Consumer<CreateDbInstanceRequest.Builder> overrides) {
        fixture.createPrimary("shop", overrides);
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
    }

    private DBInstance createReplica(Consumer<CreateDbInstanceReadReplicaRequest.Builder> overrides) {
        CreateDbInstanceReadReplicaRequest.Builder request = CreateDbInstanceReadReplicaRequest.builder()
                .dbInstanceIdentifier("shop-dr")
                .sourceDBInstanceIdentifier(SOURCE_ARN)
                .sourceRegion(PRIMARY)
                .dbInstanceClass("db.t3.medium")
                .kmsKeyId(fixture.kmsKeyOf(DR))
                .dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(fixture.dr.securityGroupId())
                .multiAZ(false)
                .deletionProtection(true)
                .tags(Tag.builder().key("dr:region-role").value("dr").build());
        overrides.accept(request);
        return drRds.createDBInstanceReadReplica(request.build()).dbInstance();
    }

    private DBInstance createAvailableReplica() {
        createAvailablePrimary(r -> {
        });
        createReplica(r -> {
        });
        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
        return fixture.describe(DR, "shop-dr");
    }

    @Test
    void aSourceWhosePasswordRdsManagesInSecretsManagerCannotHaveAReplicaUntilItStops() {
        createAvailablePrimary(r -> r.masterUserPassword(null).manageMasterUserPassword(true));

        assertThatThrownBy(() -> createReplica(r -> {
        })).isInstanceOfSatisfying(software.amazon.awssdk.awscore.exception.AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));

        fixture.rds(PRIMARY).modifyDBInstance(r -> r.dbInstanceIdentifier("shop").manageMasterUserPassword(false)
                .masterUserPassword("set-by-the-operator-1").applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);
        assertThat(createReplica(r -> {
        }).dbInstanceStatus()).isEqualTo("creating");
    }

    @Test
    void aCrossRegionReplicaIsCreatingThenAvailableAndReplicating() {
        createAvailablePrimary(r -> {
        });
        DBInstance creating = createReplica(r -> {
        });
        assertThat(creating.dbInstanceStatus()).isEqualTo("creating");

        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA.minusSeconds(1));
        assertThat(fixture.describe(DR, "shop-dr").dbInstanceStatus()).isEqualTo("creating");
        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
        DBInstance replica = fixture.describe(DR, "shop-dr");

        assertThat(replica.dbInstanceStatus()).isEqualTo("available");
        assertThat(replica.dbInstanceArn()).isEqualTo(REPLICA_ARN);
        assertThat(replica.readReplicaSourceDBInstanceIdentifier()).isEqualTo(SOURCE_ARN);
        assertThat(replica.statusInfos()).singleElement().satisfies(info -> {
            assertThat(info.statusType()).isEqualTo("read replication");
            assertThat(info.status()).isEqualTo("replicating");
            assertThat(info.normal()).isTrue();
        });
        assertThat(replica.storageEncrypted()).isTrue();
        assertThat(replica.kmsKeyId()).isEqualTo(fixture.kmsKeyOf(DR));
        assertThat(replica.backupRetentionPeriod()).isZero();
        assertThat(replica.dbSubnetGroup().vpcId()).isEqualTo(fixture.dr.vpcId());
        assertThat(replica.endpoint().address()).endsWith(".us-west-2.rds.amazonaws.com");
        assertThat(replica.deletionProtection()).isTrue();
        assertThat(replica.tagList()).containsExactly(Tag.builder().key("dr:region-role").value("dr").build());
        assertThat(fixture.describe(PRIMARY, "shop").readReplicaDBInstanceIdentifiers()).containsExactly(REPLICA_ARN);
    }

    @Test
    void aSourceNamedByPlainIdentifierIsLookedUpInTheReplicaRegionAndNotFound() {
        createAvailablePrimary(r -> {
        });

        assertRefused(() -> createReplica(r -> r.sourceDBInstanceIdentifier("shop")),
                DbInstanceNotFoundException.class, "DBInstanceNotFound", 404);

        assertThat(createReplica(r -> r.sourceDBInstanceIdentifier(SOURCE_ARN)).dbInstanceStatus())
                .isEqualTo("creating");
    }

    @Test
    void aSourceWithoutAutomatedBackupsIsRefusedUntilBackupsAreOn() {
        createAvailablePrimary(r -> r.backupRetentionPeriod(0));

        assertRefused(() -> createReplica(r -> {
        }), InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        fixture.rds(PRIMARY).modifyDBInstance(r -> r.dbInstanceIdentifier("shop").backupRetentionPeriod(7)
                .applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);
        assertThat(createReplica(r -> {
        }).dbInstanceStatus()).isEqualTo("creating");
    }

    @Test
    void aSourceThatIsNotYetAvailableIsRefused() {
        fixture.createPrimary("shop");

        assertRefused(() -> createReplica(r -> {
        }), InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        assertThat(createReplica(r -> {
        }).dbInstanceStatus()).isEqualTo("creating");
    }

    @Test
    void anEncryptedSourceNeedsAKmsKeyOfTheReplicaRegion() {
        createAvailablePrimary(r -> {
        });

        assertRefused(() -> createReplica(r -> r.kmsKeyId(null)),
                RdsException.class, "InvalidParameterCombination", 400);
        assertRefused(() -> createReplica(r -> r.kmsKeyId(fixture.kmsKeyOf(PRIMARY))),
                KmsKeyNotAccessibleException.class, "KMSKeyNotAccessibleFault", 400);

        assertThat(createReplica(r -> r.kmsKeyId(fixture.kmsKeyOf(DR))).kmsKeyId()).isEqualTo(fixture.kmsKeyOf(DR));
    }

    @Test
    void theReplicaSubnetGroupMustExistInTheReplicaRegion() {
        createAvailablePrimary(r -> {
        });

        assertRefused(() -> createReplica(r -> r.dbSubnetGroupName("primary-only")),
                DbSubnetGroupNotFoundException.class, "DBSubnetGroupNotFoundFault", 404);
        assertThat(fixture.describe(PRIMARY, "shop").readReplicaDBInstanceIdentifiers()).isEmpty();
    }

    @Test
    void promotionGoesThroughModifyingAndEndsReplication() {
        createAvailableReplica();

        DBInstance modifying = drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                .backupRetentionPeriod(7)).dbInstance();
        assertThat(modifying.dbInstanceStatus()).isEqualTo("modifying");
        assertThat(fixture.describe(DR, "shop-dr").readReplicaSourceDBInstanceIdentifier()).isEqualTo(SOURCE_ARN);

        fixture.advance(ModeledDurations.RDS_PROMOTE);
        DBInstance promoted = fixture.describe(DR, "shop-dr");

        assertThat(promoted.dbInstanceStatus()).isEqualTo("available");
        assertThat(promoted.readReplicaSourceDBInstanceIdentifier()).isNull();
        assertThat(promoted.statusInfos()).isEmpty();
        assertThat(promoted.backupRetentionPeriod()).isEqualTo(7);
        assertThat(fixture.describe(PRIMARY, "shop").readReplicaDBInstanceIdentifiers()).isEmpty();
    }

    @Test
    void promotionWorksWhileThePrimaryRegionIsUnreachable() {
        createAvailableReplica();
        fixture.cloud.world().faults().regionUnreachable(PRIMARY);
        fixture.cloud.world().calls().reset();

        drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr").backupRetentionPeriod(7));
        fixture.advance(ModeledDurations.RDS_PROMOTE);
        DBInstance promoted = fixture.describe(DR, "shop-dr");

        assertThat(promoted.dbInstanceStatus()).isEqualTo("available");
        assertThat(promoted.readReplicaSourceDBInstanceIdentifier()).isNull();
        assertThat(fixture.cloud.world().calls().inRegion(PRIMARY)).isZero();
        assertThatThrownBy(() -> fixture.describe(PRIMARY, "shop")).isInstanceOf(SdkClientException.class);
    }

    @Test
    void onlyAnAvailableReplicaCanBePromoted() {
        createAvailablePrimary(r -> {
        });
        assertRefused(() -> fixture.rds(PRIMARY).promoteReadReplica(r -> r.dbInstanceIdentifier("shop")),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        createReplica(r -> {
        });
        assertRefused(() -> drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr")),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
        assertThat(drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr")).dbInstance().dbInstanceStatus())
                .isEqualTo("modifying");
    }

    @Test
    void aReplicaIsDeletedWithoutAFinalSnapshot() {
        createAvailableReplica();
        drRds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-dr").deletionProtection(false).applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);

        assertRefused(() -> drRds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-dr")
                        .finalDBSnapshotIdentifier("shop-dr-final")),
                RdsException.class, "InvalidParameterCombination", 400);

        drRds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-dr").skipFinalSnapshot(true));
        fixture.advance(ModeledDurations.RDS_DELETE);

        assertThat(drRds.describeDBInstances().dbInstances()).isEmpty();
        assertThat(fixture.describe(PRIMARY, "shop").readReplicaDBInstanceIdentifiers()).isEmpty();
    }

    @Test
    void whenTheSourceIsDeletedTheReplicaCarriesOnAsAStandaloneDatabase() {
        createAvailableReplica();
        RdsClient primaryRds = fixture.rds(PRIMARY);
        primaryRds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").deletionProtection(false).applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);

        primaryRds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true));
        assertThat(fixture.describe(DR, "shop-dr").readReplicaSourceDBInstanceIdentifier()).isEqualTo(SOURCE_ARN);
        fixture.advance(ModeledDurations.RDS_DELETE);
        DBInstance standalone = fixture.describe(DR, "shop-dr");

        assertThat(standalone.dbInstanceStatus()).isEqualTo("available");
        assertThat(standalone.readReplicaSourceDBInstanceIdentifier()).isNull();
        assertThat(standalone.statusInfos()).isEmpty();
    }

    @Test
    void aSameRegionReplicaTakesTheSourceKeyAndRefusesAnotherOne() {
        createAvailablePrimary(r -> {
        });
        RdsClient primaryRds = fixture.rds(PRIMARY);

        assertRefused(() -> primaryRds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-ro")
                        .sourceDBInstanceIdentifier("shop").kmsKeyId(fixture.kmsKeyOf(PRIMARY))),
                RdsException.class, "InvalidParameterCombination", 400);

        DBInstance replica = primaryRds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-ro")
                .sourceDBInstanceIdentifier("shop")).dbInstance();
        assertThat(replica.readReplicaSourceDBInstanceIdentifier()).isEqualTo("shop");
        assertThat(replica.kmsKeyId()).isEqualTo(fixture.describe(PRIMARY, "shop").kmsKeyId());
        assertThat(fixture.describe(PRIMARY, "shop").readReplicaDBInstanceIdentifiers()).containsExactly("shop-ro");
    }
}
