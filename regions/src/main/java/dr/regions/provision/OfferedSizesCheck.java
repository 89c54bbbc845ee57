package dr.regions.provision;

import dr.core.DrException;
import dr.core.config.ConfigKey;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.network.NetworkRoles;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Provision's preflight for sizes: the stack's instance types must be offered in both regions (EC2
 * DescribeInstanceTypeOfferings, location type region) and its DB instance class orderable there for the stack's MySQL
 * version (RDS DescribeOrderableDBInstanceOptions), checked before the plan creates anything. The format was checked
 * with the input; a size a region does not sell is bad input (exit 2), not a failed launch after dozens of resources
 * (RDS refuses such a create with InvalidParameterCombination).
 */
public final class OfferedSizesCheck {
    static final String ENGINE = "mysql";
    /** Enough options of one class to find a version of the stack's major among them, in one page mostly. */
    private static final int PAGE = 100;
    private OfferedSizesCheck() {
    }

    public static void verify(StackSpec spec, AwsClients clients) {
        Map<String, String> types = instanceTypes(spec);
        for (String region : List.of(spec.primaryRegion(), spec.drRegion())) {
            String role = region.equals(spec.primaryRegion()) ? "the primary region" : "the DR region";
            Set<String> offered = offeredTypes(clients, region, types.keySet());
            types.forEach((type, option) -> {
                if (!offered.contains(type)) {
                    throw DrException.badInput(option + " " + type + ": EC2 does not offer this instance type in "
                            + region + " (" + role + "); choose one it offers there");
                }
            });
            if (!orderable(clients, region, spec)) {
                throw DrException.badInput(ConfigKey.DB_INSTANCE_CLASS.option() + " " + spec.dbInstanceClass()
                        + ": RDS does not offer this class for MySQL " + spec.dbEngineVersion() + " in " + region
                        + " (" + role + "); choose one it offers there");
            }
        }
    }

    /**
     * Whether RDS sells the class for a MySQL version of the stack's ({@code 8.0} is any {@code 8.0.x}: CreateDBInstance
     * with {@code 8.0} takes that major's default minor) in {@code region}; the pages are read only until one matches.
     * An answer with no MySQL option at all, for any class, proves nothing (moto lists none, emulator-gaps.md G24;
     * RDS always lists MySQL), so the class is then let through to the create, which RDS would refuse.
     */
    private static boolean orderable(AwsClients clients, String region, StackSpec spec) {
        var rds = clients.rds(region);
        String version = spec.dbEngineVersion();
        boolean offered = rds.describeOrderableDBInstanceOptionsPaginator(r -> r.engine(ENGINE)
                        .dbInstanceClass(spec.dbInstanceClass()).vpc(true).maxRecords(PAGE))
                .orderableDBInstanceOptions().stream()
                .anyMatch(option -> option.engineVersion() != null && (option.engineVersion().equals(version)
                        || option.engineVersion().startsWith(version + ".")));
        return offered || rds.describeOrderableDBInstanceOptions(r -> r.engine(ENGINE).maxRecords(20))
                .orderableDBInstanceOptions().isEmpty();
    }

    /** Each instance type the stack launches, with the option that sets it (the bastion's is fixed). */
    static Map<String, String> instanceTypes(StackSpec spec) {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(spec.webInstanceType(), ConfigKey.WEB_INSTANCE_TYPE.option());
        types.putIfAbsent(spec.appInstanceType(), ConfigKey.APP_INSTANCE_TYPE.option());
        if (spec.adminCidr() != null) {
            types.putIfAbsent(NetworkRoles.BASTION_INSTANCE_TYPE, "the bastion's instance type");
        }
        return types;
    }

    private static Set<String> offeredTypes(AwsClients clients, String region, Set<String> types) {
        return clients.ec2(region).describeInstanceTypeOfferingsPaginator(r -> r.locationType(LocationType.REGION)
                        .filters(Filter.builder().name("instance-type").values(types).build()))
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::instanceTypeAsString)
                .collect(Collectors.toSet());
    }
}
