package dr.regions.inmemory.rds;

import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsRequest;
import software.amazon.awssdk.services.rds.model.DescribeOrderableDbInstanceOptionsResponse;
import software.amazon.awssdk.services.rds.model.OrderableDBInstanceOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which DB instance classes the sandbox's RDS sells per engine (DescribeOrderableDBInstanceOptions), and the check
 * CreateDBInstance makes against them. The call is a filter: a class or version no option matches gives an empty list,
 * not an error; Engine is required (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/
 * API_DescribeOrderableDBInstanceOptions.html). One page: the sandbox's options for one class stay under MaxRecords.
 */
final class OrderableOptions {
    private static final Set<String> MYSQL_CLASSES = new TreeSet<>(Set.of(
            "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.t3.xlarge", "db.t3.2xlarge",
            "db.t4g.micro", "db.t4g.small", "db.t4g.medium", "db.t4g.large",
            "db.m5.large", "db.m5.xlarge", "db.m5.2xlarge", "db.m6g.large", "db.m6g.xlarge", "db.m6i.large",
            "db.r5.large", "db.r5.xlarge", "db.r6g.large", "db.r6i.large"));
    /** The same catalogue for the engines the sandbox knows; dr uses mysql only. */
    private static final Map<String, Set<String>> CLASSES = Map.of("mysql", MYSQL_CLASSES, "mariadb", MYSQL_CLASSES,
            "postgres", MYSQL_CLASSES);

    private OrderableOptions() {
    }

    static boolean orderable(String engine, String instanceClass) {
        return CLASSES.getOrDefault(engine.toLowerCase(), Set.of()).contains(instanceClass);
    }

    /**
     * CreateDBInstance and CreateDBInstanceReadReplica refuse a class RDS does not sell for the engine and version:
     * InvalidParameterCombination, HTTP 400, "RDS does not support creating a DB instance with the following
     * combination: DBInstanceClass=db.t2.micro, Engine=mysql, EngineVersion=8.0.35, LicenseModel=general-public-license.
     * For supported combinations of instance class and database engine version, see the documentation." (as AWS
     * answers: hashicorp/terraform#17013, elastic/beats#38473, aws-quickstart/quickstart-awx#47).
     */
    static void requireOrderable(String engine, String version, String instanceClass) {
        if (!orderable(engine, instanceClass)) {
            throw RdsErrors.invalidParameterCombination("RDS does not support creating a DB instance with the "
                    + "following combination: DBInstanceClass=" + instanceClass + ", Engine=" + engine.toLowerCase()
                    + ", EngineVersion=" + version + ", LicenseModel=general-public-license. For supported "
                    + "combinations of instance class and database engine version, see the documentation.");
        }
    }

    static DescribeOrderableDbInstanceOptionsResponse describe(DescribeOrderableDbInstanceOptionsRequest request,
            String defaultVersion) {
        if (request.engine() == null || request.engine().isBlank()) {
            throw RdsErrors.missingParameter("Engine");
        }
        List<OrderableDBInstanceOption> options = new ArrayList<>();
        // The sandbox's CreateDBInstance takes any version of a known engine, so every version is offered alike.
        String version = request.engineVersion() == null ? defaultVersion : request.engineVersion();
        for (String instanceClass : CLASSES.getOrDefault(request.engine().toLowerCase(), Set.of())) {
            if (request.dbInstanceClass() == null || request.dbInstanceClass().equals(instanceClass)) {
                options.add(OrderableDBInstanceOption.builder().engine(request.engine().toLowerCase())
                        .engineVersion(version).dbInstanceClass(instanceClass)
                        .licenseModel("general-public-license").storageType("gp2").multiAZCapable(true)
                        .readReplicaCapable(true).vpc(true).supportsStorageEncryption(true)
                        .supportsIAMDatabaseAuthentication(true).build());
            }
        }
        return DescribeOrderableDbInstanceOptionsResponse.builder().orderableDBInstanceOptions(options).build();
    }
}
