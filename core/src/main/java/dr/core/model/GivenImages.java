package dr.core.model;

import java.util.regex.Pattern;

/**
 * AMIs the operator brings for the web and app tiers ({@code --web-image}, {@code --app-image}), each in the primary
 * region; null for a tier whose image dr bakes itself (builder instance and AWS Backup job).
 */
public record GivenImages(String web, String app) {
    /** Neither tier given: dr bakes both images. */
    public static final GivenImages NONE = new GivenImages(null, null);

    /**
     * An AMI id as EC2 writes it: {@code ami-} and 8 (older ids) or 17 lower-case hex digits. EC2 refuses anything
     * else with InvalidAMIID.Malformed (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
     */
    public static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");

    public boolean any() {
        return web != null || app != null;
    }

    public boolean all() {
        return web != null && app != null;
    }
}
