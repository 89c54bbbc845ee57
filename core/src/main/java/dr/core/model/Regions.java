package dr.core.model;

import java.util.Set;

/** The AWS commercial regions dr knows, so that a typo is caught before any call. */
public final class Regions {
    /** CloudFront certificates and CLOUDFRONT-scope web ACLs live here, whatever the stack's regions are. */
    public static final String GLOBAL_EDGE = "us-east-1";

    public static final Set<String> KNOWN = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "ca-west-1",
            "sa-east-1", "mx-central-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2",
            "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-7", "ap-east-1",
            "me-south-1", "me-central-1", "il-central-1", "af-south-1");

    /**
     * The known regions every account may use: those launched before 20 March 2019, enabled by default and never
     * disabled. The others are opt-in: disabled until the account enables them (AWS Account Management Reference
     * Guide, "Enable or disable AWS Regions in your account").
     */
    public static final Set<String> ENABLED_BY_DEFAULT = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2");

    private Regions() {
    }

    public static boolean isKnown(String region) {
        return region != null && KNOWN.contains(region);
    }
}
