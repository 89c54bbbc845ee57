package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.function.Consumer;

import static dr.regions.inmemory.rds.RdsFixture.DR;
import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What RDS refuses on the way back (reprotect and failback): the fake must refuse it the same way, or the runbooks
 * would pass here and fail on AWS. The primary {@code shop} (us-east-1) has a cross-region replica {@code shop-dr}
 * (us-west-2), which is promoted as promote-replica does, with an RDS-managed master secret.
 */
class ReprotectRefusalsTest {
    private static final String DR_ARN = "arn:aws:rds:us-west-2:123456789012:db:shop-dr";

    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient primaryRds = fixture.rds(PRIMARY);
    private final RdsClient drRds = fixture.rds(DR);

    @BeforeEach
    void aPrimaryWithACrossRegionReplica() {
        fixture.createPrimary("shop");
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        drRds.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                .sourceDBInstanceIdentifier("arn:aws:rds:us-east-1:123456789012:db:shop").sourceRegion(PRIMARY)
                .kmsKeyId(fixture.kmsKeyOf(DR)).dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(fixture.dr.securityGroupId()));
        fixture.advance(ModeledDurations.RDS_CROSS_REGION_REPLICA);
    }

    private void reverseReplica(Consumer<CreateDbInstanceReadReplicaRequest.Builder> overrides) {
        CreateDbInstanceReadReplicaRequest.Builder request = CreateDbInstanceReadReplicaRequest.builder()
                .dbInstanceIdentifier("shop-g3").sourceDBInstanceIdentifier(DR_ARN).sourceRegion(DR)
                .kmsKeyId(fixture.kmsKeyOf(PRIMARY)).dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(fixture.primary.securityGroupId());
        overrides.accept(request);
        primaryRds.createDBInstanceReadReplica(request.build());
    }

    private void promoteWithManagedSecret() {
        drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr").backupRetentionPeriod(7));
        fixture.advance(ModeledDurations.RDS_PROMOTE);
        drRds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-dr").manageMasterUserPassword(true)
                .deletionProtection(true).applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);
    }

    /**
     * A replica is made with backups off ("Amazon RDS doesn't support automated backups on read replicas" until they
     * are turned on; CreateDBInstanceReadReplica: the source must have backup retention enabled), so a replica of the
     * DR replica before its promotion is refused: InvalidDBInstanceState, HTTP 400. Reprotect therefore only ever
     * replicates a promoted writer. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html
     */
    @Test
    void aReplicaOfTheDrReplicaBeforeItsPromotionIsRefused() {
        assertRefused(() -> reverseReplica(r -> {
        }), InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);
    }

    /**
     * "Creating a read replica when the source DB or DB cluster manages credentials with Secrets Manager" is not
     * supported (RDS User Guide, Limitations for Secrets Manager integration,
     * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations):
     * reprotect turns the management off first (ModifyDBInstance with a new MasterUserPassword; "Amazon RDS deletes
     * the secret", https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html).
     */
    @Test
    void thePromotedWriterWithAManagedSecretIsNoSourceUntilTheSecretIsOff() {
        promoteWithManagedSecret();

        assertRefused(() -> reverseReplica(r -> {
        }), RdsException.class, "InvalidParameterCombination", 400);

        drRds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-dr").manageMasterUserPassword(false)
                .masterUserPassword("generated-and-forgotten-1").applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);
        reverseReplica(r -> {
        });
        assertThat(fixture.describe(PRIMARY, "shop-g3").readReplicaSourceDBInstanceIdentifier()).isEqualTo(DR_ARN);
    }

    /**
     * Cross-region from an encrypted source needs a KMS key of the replica's region, here the primary's ("you must
     * specify a KMS key identifier for the destination AWS Region"; without one RDS makes no unencrypted replica of
     * an encrypted source): InvalidParameterCombination, HTTP 400.
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html (KmsKeyId)
     */
    @Test
    void theReverseReplicaNeedsAKmsKeyOfThePrimaryRegion() {
        promoteWithManagedSecret();
        drRds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop-dr").manageMasterUserPassword(false)
                .masterUserPassword("generated-and-forgotten-1").applyImmediately(true));
        fixture.advance(ModeledDurations.RDS_MODIFY);

        assertRefused(() -> reverseReplica(r -> r.kmsKeyId(null)), RdsException.class,
                "InvalidParameterCombination", 400);
        reverseReplica(r -> {
        });
        assertThat(fixture.describe(PRIMARY, "shop-g3").kmsKeyId()).isEqualTo(fixture.kmsKeyOf(PRIMARY));
    }

    /**
     * PromoteReadReplica of a database that is not a read replica (the old primary, or a writer promoted already):
     * InvalidDBInstanceState, HTTP 400 ("The DB instance isn't in a valid state").
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PromoteReadReplica.html
     */
    @Test
    void promotingAWriterIsRefused() {
        promoteWithManagedSecret();

        assertRefused(() -> drRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop-dr")),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);
        assertRefused(() -> primaryRds.promoteReadReplica(r -> r.dbInstanceIdentifier("shop")),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);
    }
}
