package dr.regions.inmemory.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The zones of the sandbox account, per region, and the instance types each offers. Zone letters are per account
 * and not every account has every letter, nor every zone every instance type; this account has the shapes that
 * break tools which assume {@code <region>a} and {@code <region>b}, each seen in real accounts:
 * <ul>
 *   <li>us-west-1 has only {@code a} and {@code c} (accounts see two of a, b, c: "Subnets can currently only be
 *       created in the following availability zones: us-west-1b, us-west-1c", Coalfire-Research/npk issue 10);</li>
 *   <li>ap-northeast-1 has {@code a}, {@code c}, {@code d} and no {@code b} (TheSudoYT/terraform-aws-palworld
 *       issue 9; awslabs/ecs-refarch-continuous-deployment issue 12);</li>
 *   <li>us-east-1e offers no t3 type ("Your requested instance type (t3.micro) is not supported in your requested
 *       Availability Zone (us-east-1e)", ned1313/Getting-Started-Terraform issue 44), us-west-2d no t2.micro
 *       (pulumi/pulumi-awsx issue 384), and ap-northeast-2a no t3.micro here (t2.micro and t3.micro "are each
 *       available in some AZs, but not available in others", gruntwork-io/terraform-aws-utilities PR 29);</li>
 *   <li>us-east-1 also has an opted-in Local Zone, which DescribeAvailabilityZones lists with zone type
 *       {@code local-zone} (EC2 API reference, AvailabilityZone data type) and which sorts before us-east-1a.</li>
 * </ul>
 * Every other region has zones a, b and c offering every type below.
 */
public final class SandboxZones {
    /** A zone as DescribeAvailabilityZones describes it, with the instance types it does not offer. */
    public record Zone(String region, String name, String id, String type, String groupName, String parentName,
            Set<String> withheldTypes) {
        public boolean isAvailabilityZone() {
            return "availability-zone".equals(type);
        }

        public boolean offers(String instanceType) {
            return INSTANCE_TYPES.contains(instanceType) && !withheldTypes.contains(instanceType);
        }
    }

    private static final Set<String> T3 = Set.of("t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large",
            "t3.xlarge", "t3.2xlarge");

    /** Zone letters of the regions that differ from a, b, c. */
    private static final Map<String, String> LETTERS = Map.of(
            "us-east-1", "abcdef",
            "us-west-2", "abcd",
            "us-west-1", "ac",
            "ap-northeast-1", "acd",
            "ap-northeast-2", "abcd");

    private static final Map<String, Set<String>> WITHHELD = Map.of(
            "us-east-1e", T3,
            "us-west-2d", Set.of("t2.micro"),
            "ap-northeast-2a", Set.of("t3.micro"));

    /** The instance types the sandbox knows: current families in common sizes. */
    public static final Set<String> INSTANCE_TYPES = instanceTypes();

    /** Each region's zones, made once: they are fixed, and the fakes ask for them on every zone or offering call. */
    private static final Map<String, List<Zone>> ZONES = new ConcurrentHashMap<>();

    private SandboxZones() {
    }

    /** The region's zones, Availability Zones first in letter order, then its Local Zones. */
    public static List<Zone> of(String region) {
        return ZONES.computeIfAbsent(region, SandboxZones::zones);
    }

    private static List<Zone> zones(String region) {
        List<Zone> zones = new ArrayList<>();
        for (char letter : LETTERS.getOrDefault(region, "abc").toCharArray()) {
            String name = region + letter;
            zones.add(new Zone(region, name, zoneId(region, letter), "availability-zone", region + "-zg-1", null,
                    WITHHELD.getOrDefault(name, Set.of())));
        }
        if (region.equals("us-east-1")) {
            Set<String> withheld = new java.util.TreeSet<>(INSTANCE_TYPES);
            withheld.removeAll(Set.of("t3.medium", "t3.xlarge", "c5.2xlarge", "m5.2xlarge", "r5.2xlarge"));
            zones.add(new Zone(region, "us-east-1-bos-1a", "use1-bos1-az1", "local-zone", "us-east-1-bos-1",
                    "us-east-1a", Set.copyOf(withheld)));
        }
        return List.copyOf(zones);
    }

    /** The zone with this name or zone id in the region. */
    public static Optional<Zone> find(String region, String nameOrId) {
        return of(region).stream().filter(z -> z.name().equals(nameOrId) || z.id().equals(nameOrId)).findFirst();
    }

    /**
     * The zone id AWS prints for a zone, e.g. {@code use1-az1} for us-east-1a, {@code apse2-az2} for
     * ap-southeast-2b. (Real accounts map letters to ids differently; a fixed mapping is enough here.)
     */
    static String zoneId(String region, char letter) {
        String[] parts = region.split("-");
        String direction = switch (parts[1]) {
            case "northeast" -> "ne";
            case "southeast" -> "se";
            case "northwest" -> "nw";
            case "southwest" -> "sw";
            default -> parts[1].substring(0, 1);
        };
        return parts[0] + direction + parts[2] + "-az" + (letter - 'a' + 1);
    }

    private static Set<String> instanceTypes() {
        List<String> types = new ArrayList<>();
        for (String family : List.of("t2", "t3", "t3a", "t4g")) {
            for (String size : List.of("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge")) {
                types.add(family + "." + size);
            }
        }
        for (String family : List.of("m5", "m6i", "m6g", "m7g", "m7i", "c5", "c6i", "c6g", "c7g", "r5", "r6i",
                "r6g", "r7g")) {
            for (String size : List.of("large", "xlarge", "2xlarge", "4xlarge")) {
                types.add(family + "." + size);
            }
        }
        return Set.copyOf(types);
    }
}
