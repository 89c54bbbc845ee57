package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.SandboxStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.KmsKeyNotAccessibleException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class DbInstanceTest {
    private static final String PASSWORD = "correct-horse-battery-staple";

    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient rds = fixture.rds(PRIMARY);

    @Test
    void aNewDatabaseIsCreatingThenBackingUpThenAvailable() {
        DBInstance created = fixture.createPrimary("shop");
        assertThat(created.dbInstanceStatus()).isEqualTo("creating");
        assertThat(created.endpoint()).isNull();

        fixture.advance(ModeledDurations.RDS_CREATE.minusSeconds(1));
        assertThat(fixture.describe(PRIMARY, "shop").dbInstanceStatus()).isEqualTo("creating");
        fixture.advance(Duration.ofSeconds(1));
        assertThat(fixture.describe(PRIMARY, "shop").dbInstanceStatus()).isEqualTo("backing-up");
        fixture.advance(ModeledDurations.RDS_BACKING_UP);
        DBInstance available = fixture.describe(PRIMARY, "shop");

        assertThat(available.dbInstanceStatus()).isEqualTo("available");
        assertThat(available.endpoint().address()).matches("shop\\.[0-9a-z]{12}\\.us-east-1\\.rds\\.amazonaws\\.com");
        assertThat(available.endpoint().port()).isEqualTo(3306);
        assertThat(available.latestRestorableTime()).isNotNull();
    }

    @Test
    void theDatabaseIsDescribedWithEverythingDrChecks() {
        fixture.createPrimary("shop", r -> r.dbName("shop").enableIAMDatabaseAuthentication(true)
                .tags(Tag.builder().key("dr:role").value("database").build()));

        DBInstance db = fixture.describe(PRIMARY, "shop");

        assertThat(db.dbInstanceArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:db:shop");
        assertThat(db.engine()).isEqualTo("mysql");
        assertThat(db.multiAZ()).isTrue();
        assertThat(db.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(db.secondaryAvailabilityZone()).isEqualTo("us-east-1b");
        assertThat(db.storageEncrypted()).isTrue();
        assertThat(db.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat(db.backupRetentionPeriod()).isEqualTo(7);
        assertThat(db.deletionProtection()).isTrue();
        assertThat(db.publiclyAccessible()).isFalse();
        assertThat(db.iamDatabaseAuthenticationEnabled()).isTrue();
        assertThat(db.dbSubnetGroup().dbSubnetGroupName()).isEqualTo(SUBNET_GROUP);
        assertThat(db.vpcSecurityGroups()).extracting(g -> g.vpcSecurityGroupId())
                .containsExactly(fixture.primary.securityGroupId());
        assertThat(db.masterUserSecret()).as("a password sent once, not managed: replicas need that").isNull();
        assertThat(db.tagList()).containsExactly(Tag.builder().key("dr:role").value("database").build());
        assertThat(db.readReplicaSourceDBInstanceIdentifier()).isNull();
        assertThat(db.statusInfos()).isEmpty();
    }

    @Test
    void aPasswordAndAManagedPasswordTogetherAreRefusedAndEitherAloneIsAccepted() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.manageMasterUserPassword(true)),
                RdsException.class, "InvalidParameterCombination", 400);

        fixture.createPrimary("shop", r -> r.masterUserPassword(null).manageMasterUserPassword(true));
        fixture.createPrimary("legacy", r -> r.masterUserPassword(PASSWORD));

        DBInstance managed = fixture.describe(PRIMARY, "shop");
        assertThat(managed.masterUserSecret().secretArn())
                .startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-");
        assertThat(managed.masterUserSecret().secretStatus()).isEqualTo("active");
        assertThat(fixture.describe(PRIMARY, "legacy").masterUserSecret()).isNull();
    }

    @Test
    void aDatabaseWithoutAnyPasswordIsRefused() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.masterUserPassword(null).manageMasterUserPassword(false)),
                RdsException.class, "InvalidParameterValue", 400);
    }

    @Test
    void thePasswordIsNeverKeptNorAnswered() {
        fixture.createPrimary("legacy", r -> r.manageMasterUserPassword(null).masterUserPassword(PASSWORD));

        assertThat(rds.describeDBInstances().toString()).doesNotContain(PASSWORD);
        assertThat(SandboxStore.toJson(fixture.cloud.world())).doesNotContain(PASSWORD);
    }

    @Test
    void requiredParametersAndValidIdentifiersAreChecked() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.dbInstanceClass(null)),
                RdsException.class, "MissingParameter", 400);
        assertRefused(() -> fixture.createPrimary("shop", r -> r.engine(null)),
                RdsException.class, "MissingParameter", 400);
        assertRefused(() -> fixture.createPrimary("1shop"), RdsException.class, "InvalidParameterValue", 400);
        assertRefused(() -> fixture.createPrimary("shop--db"), RdsException.class, "InvalidParameterValue", 400);
        assertRefused(() -> fixture.createPrimary("shop", r -> r.masterUsername(null)),
                RdsException.class, "InvalidParameterValue", 400);
        assertRefused(() -> fixture.createPrimary("shop", r -> r.backupRetentionPeriod(36)),
                RdsException.class, "InvalidParameterValue", 400);
    }

    @Test
    void aSecondDatabaseWithTheSameIdentifierIsRefused() {
        fixture.createPrimary("shop");

        assertRefused(() -> fixture.createPrimary("SHOP"),
                DbInstanceAlreadyExistsException.class, "DBInstanceAlreadyExists", 400);
    }

    @Test
    void anUnknownSubnetGroupIsRefused() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.dbSubnetGroupName("nope")),
                DbSubnetGroupNotFoundException.class, "DBSubnetGroupNotFoundFault", 404);
    }

    @Test
    void aKmsKeyOfAnotherRegionIsRefusedAndOneOfThisRegionAccepted() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.kmsKeyId(fixture.kmsKeyOf("us-west-2"))),
                KmsKeyNotAccessibleException.class, "KMSKeyNotAccessibleFault", 400);

        fixture.createPrimary("shop", r -> r.kmsKeyId(fixture.kmsKeyOf(PRIMARY)));

        assertThat(fixture.describe(PRIMARY, "shop").kmsKeyId()).isEqualTo(fixture.kmsKeyOf(PRIMARY));
    }

    @Test
    void anUnknownDatabaseIsNotFound() {
        assertRefused(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("nope")),
                DbInstanceNotFoundException.class, "DBInstanceNotFound", 404);
    }

    @Test
    void databasesAreFoundByIdentifierFilterAndListedPageByPage() {
        IntStream.range(0, 25).forEach(i -> fixture.createPrimary(String.format("db%02d", i)));

        var first = rds.describeDBInstances(r -> r.maxRecords(20));
        assertThat(first.dbInstances()).hasSize(20);
        assertThat(first.marker()).isNotNull();
        var second = rds.describeDBInstances(r -> r.maxRecords(20).marker(first.marker()));
        assertThat(second.dbInstances()).hasSize(5);
        assertThat(second.marker()).isNull();

        List<String> all = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream()
                .map(DBInstance::dbInstanceIdentifier).toList();
        assertThat(all).hasSize(25).doesNotHaveDuplicates();

        var filtered = rds.describeDBInstances(r -> r.filters(Filter.builder().name("db-instance-id")
                .values("db03", "arn:aws:rds:us-east-1:123456789012:db:db07").build()));
        assertThat(filtered.dbInstances()).extracting(DBInstance::dbInstanceIdentifier).containsExactly("db03", "db07");
    }

    @Test
    void aModificationPassesThroughModifyingAndIsRefusedWhileTheDatabaseIsNotAvailable() {
        fixture.createPrimary("shop");
        assertRefused(() -> rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").deletionProtection(false)
                        .applyImmediately(true)),
                InvalidDbInstanceStateException.class, "InvalidDBInstanceState", 400);

        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        DBInstance modifying = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").deletionProtection(false)
                .dbInstanceClass("db.r6g.large").applyImmediately(true)).dbInstance();

        assertThat(modifying.dbInstanceStatus()).isEqualTo("modifying");
        fixture.advance(ModeledDurations.RDS_MODIFY);
        DBInstance modified = fixture.describe(PRIMARY, "shop");
        assertThat(modified.dbInstanceStatus()).isEqualTo("available");
        assertThat(modified.deletionProtection()).isFalse();
        assertThat(modified.dbInstanceClass()).isEqualTo("db.r6g.large");
    }

    @Test
    void turningOnTheManagedPasswordCreatesASecretInTheRegion() {
        fixture.createPrimary("legacy", r -> r.manageMasterUserPassword(null).masterUserPassword(PASSWORD));
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));

        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("legacy").manageMasterUserPassword(true)
                .applyImmediately(true));

        assertThat(fixture.describe(PRIMARY, "legacy").masterUserSecret().secretArn())
                .startsWith("arn:aws:secretsmanager:us-east-1:");
    }

    @Test
    void aModificationThatChangesNothingIsRefused() {
        fixture.createPrimary("shop");
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));

        assertRefused(() -> rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").applyImmediately(true)),
                RdsException.class, "InvalidParameterCombination", 400);
    }

    @Test
    void tagsAreAddedListedAndRemovedByArn() {
        String arn = fixture.createPrimary("shop").dbInstanceArn();

        rds.addTagsToResource(r -> r.resourceName(arn).tags(Tag.builder().key("dr:stack").value("shop").build(),
                Tag.builder().key("owner").value("sre").build()));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("owner"));

        assertThat(rds.listTagsForResource(r -> r.resourceName(arn)).tagList())
                .containsExactly(Tag.builder().key("dr:stack").value("shop").build());
        assertRefused(() -> rds.listTagsForResource(r -> r.resourceName(arn.replace(":shop", ":gone"))),
                DbInstanceNotFoundException.class, "DBInstanceNotFound", 404);
        assertRefused(() -> rds.addTagsToResource(r -> r.resourceName(arn)
                        .tags(Tag.builder().key("aws:reserved").value("x").build())),
                RdsException.class, "InvalidParameterValue", 400);
    }

    @Test
    void aFreshDatabaseMayBeMissedOnceWhenEventualConsistencyIsOn() {
        fixture.cloud.world().faults().eventualConsistency(true);
        fixture.createPrimary("shop");

        assertRefused(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("shop")),
                DbInstanceNotFoundException.class, "DBInstanceNotFound", 404);
        assertThat(fixture.describe(PRIMARY, "shop").dbInstanceIdentifier()).isEqualTo("shop");
    }
}
