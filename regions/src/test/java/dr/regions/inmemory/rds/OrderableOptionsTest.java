package dr.regions.inmemory.rds;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.List;

import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DescribeOrderableDBInstanceOptions as the RDS API reference describes it
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeOrderableDBInstanceOptions.html):
 * Engine is required; DBInstanceClass and EngineVersion are filters, so a class RDS does not sell gives an empty
 * list, not an error.
 */
class OrderableOptionsTest {
    private final RdsClient rds = new RdsFixture().rds(PRIMARY);

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
}
