package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.List;

import static dr.regions.inmemory.rds.RdsFixture.DR;
import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DescribeOrderableDBInstanceOptions as the RDS API reference describes it
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeOrderableDBInstanceOptions.html):
 * Engine is required; DBInstanceClass and EngineVersion are filters, so a class RDS does not sell gives an empty
 * list, not an error.
 */
class OrderableOptionsTest {
    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient rds = fixture.rds(PRIMARY);

    @Test
    void aClassRdsSellsIsListedForTheEngineAndVersionAsked() {
        List<OrderableDBInstanceOption> options = rds.describeOrderableDBInstanceOptions(r -> r.engine("mysql")
                .engineVersion("8.0.40").dbInstanceClass("db.t3.micro")).orderableDBInstanceOptions();

        assertThat(options).singleElement().satisfies(option -> {
            assertThat(option.engine()).isEqualTo("mysql");
            assertThat(option.engineVersion()).isEqualTo("8.0.40");
            assertThat(option.dbInstanceClass()).isEqualTo("db.t3.micro");
            assertThat(option.multiAZCapable()).isTrue();
        });
    }

    @Test
    void aClassRdsDoesNotSellGivesAnEmptyListNotAnError() {
        assertThat(rds.describeOrderableDBInstanceOptions(r -> r.engine("mysql").dbInstanceClass("db.t3.humongous"))
                .orderableDBInstanceOptions()).isEmpty();
    }

    @Test
    void theEngineIsRequired() {
        assertRefused(() -> rds.describeOrderableDBInstanceOptions(r -> r.dbInstanceClass("db.t3.micro")),
                RdsException.class, "MissingParameter", 400);
    }

    /**
     * A class RDS does not sell for the engine is refused by the create, as AWS answers it: InvalidParameterCombination,
     * 400, "RDS does not support creating a DB instance with the following combination: DBInstanceClass=..., Engine=...,
     * EngineVersion=..., LicenseModel=..." (https://github.com/hashicorp/terraform/issues/17013,
     * https://github.com/aws-quickstart/quickstart-awx/issues/47), and nothing is made.
     */
    @Test
    void aCreateWithAClassRdsDoesNotSellIsRefusedWithInvalidParameterCombination() {
        assertRefused(() -> fixture.createPrimary("shop", r -> r.dbInstanceClass("db.t3.humongous")
                        .engineVersion("8.0.35")),
                RdsException.class, "InvalidParameterCombination", 400);
        assertThatThrownBy(() -> fixture.createPrimary("shop", r -> r.dbInstanceClass("db.t3.humongous")))
                .hasMessageContaining("RDS does not support creating a DB instance with the following combination: "
                        + "DBInstanceClass=db.t3.humongous, Engine=mysql, EngineVersion=8.0.40, "
                        + "LicenseModel=general-public-license.");

        assertThat(rds.describeDBInstances().dbInstances()).isEmpty();
    }

    /** The same for a read replica that names its own class (the source's class, sold, is not enough). */
    @Test
    void aReadReplicaWithAClassRdsDoesNotSellIsRefusedWithInvalidParameterCombination() {
        fixture.createPrimary("shop");
        fixture.advance(ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));

        assertRefused(() -> fixture.rds(DR).createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("shop-dr")
                        .sourceDBInstanceIdentifier("arn:aws:rds:us-east-1:123456789012:db:shop").sourceRegion(PRIMARY)
                        .dbInstanceClass("db.x9.humongous").kmsKeyId(fixture.kmsKeyOf(DR))
                        .dbSubnetGroupName(RdsFixture.SUBNET_GROUP).vpcSecurityGroupIds(fixture.dr.securityGroupId())),
                RdsException.class, "InvalidParameterCombination", 400);

        assertThat(fixture.rds(DR).describeDBInstances().dbInstances()).isEmpty();
    }
}
