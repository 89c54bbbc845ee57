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
 * DescribeInstanceTypeOfferings, location type region), checked before the plan creates anything. The format was
 * checked with the input; a type a region does not sell is bad input (exit 2), not a failed launch after dozens of
 * resources. The DB instance class is not checked here yet: RDS DescribeOrderableDBInstanceOptions would push the
 * provision policy past one managed policy's 6,144 characters (LeastPrivilegePolicyTest).
 */
public final class OfferedSizesCheck {
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
        }
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
