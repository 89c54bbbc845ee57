package dr.regions.inmemory.elb;

import java.util.Map;

/**
 * The Route 53 hosted zone id of Application Load Balancers in each region (the CanonicalHostedZoneId an alias
 * record must name). Source: the "Elastic Load Balancing endpoints and quotas" table of the AWS General Reference,
 * Application/Classic Load Balancer column.
 */
final class AlbHostedZones {
    private static final Map<String, String> BY_REGION = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"),
            Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"),
            Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"),
            Map.entry("ca-west-1", "Z06473681N0SF6OS049SD"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"),
            Map.entry("mx-central-1", "Z023552324OKD1BB28BH5"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-central-2", "Z06391101F2ZOEP8P5EB3"),
            Map.entry("eu-north-1", "Z23TAZ6LKFMNIO"),
            Map.entry("eu-south-1", "Z3ULH7SSC9OV64"),
            Map.entry("eu-south-2", "Z0956581394HF5D5LXGAP"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("ap-south-2", "Z0173938T07WNTVAEPZN"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"),
            Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-northeast-3", "Z5LXEXXYW11ES"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("ap-southeast-3", "Z08888821HLRG5A9ZRTER"),
            Map.entry("ap-southeast-4", "Z09517862IB2WZLPXG76F"),
            Map.entry("ap-southeast-5", "Z06010284QMVVW7WO5J"),
            Map.entry("ap-southeast-7", "Z0390008CMBRTHFGWBCB"),
            Map.entry("ap-east-1", "Z3DQVH9N71FHZ0"),
            Map.entry("me-south-1", "ZS929ML54UICD"),
            Map.entry("me-central-1", "Z08230872XQRWHG2XF6I"),
            Map.entry("il-central-1", "Z09170902867EHPV2DABU"),
            Map.entry("af-south-1", "Z268VQBMOI5EKX"));

    private AlbHostedZones() {
    }

    static String of(String region) {
        String zone = BY_REGION.get(region);
        if (zone == null) {
            throw new IllegalArgumentException("no ALB hosted zone id known for region " + region);
        }
        return zone;
    }
}
