package dr.regions.inmemory.world;

import dr.core.model.Regions;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which regions the sandbox account may use. AWS Account Management Reference Guide, "Enable or disable AWS Regions in
 * your account" (docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html): Regions launched before
 * 20 March 2019 are enabled by default and cannot be disabled; the ones launched since are opt-in, disabled until the
 * account enables them. A fresh sandbox account has opted into none.
 *
 * <p>A regional API in a region the account has not enabled refuses every request as if the credentials were unknown
 * there (the account's IAM identities are not distributed to it): EC2 answers HTTP 401 {@code AuthFailure} "AWS was
 * not able to validate the provided access credentials" (turbot/steampipe-plugin-aws#75, segmentio/aws-okta#225,
 * fog/fog-aws#585); query-protocol services HTTP 403 {@code InvalidClientTokenId} and JSON-protocol ones HTTP 400
 * {@code UnrecognizedClientException}, both "The security token included in the request is invalid"
 * (ekristen/aws-nuke#774, listing ap-east-1 while it was not enabled).
 */
public final class AccountRegions {
    /** The default regions among {@link Regions#KNOWN}: launched before 20 March 2019. */
    public static final Set<String> DEFAULT = Regions.ENABLED_BY_DEFAULT;

    static final String TOKEN_INVALID = "The security token included in the request is invalid";

    private AccountRegions() {
    }

    public static boolean isDefault(String region) {
        return DEFAULT.contains(region);
    }

    /** The opt-in regions among the known ones, e.g. af-south-1, ap-east-1, me-south-1. */
    public static Set<String> optIn() {
        Set<String> optIn = new TreeSet<>(Regions.KNOWN);
        optIn.removeAll(DEFAULT);
        return optIn;
    }

    /** Whether the account of {@code world} may use {@code region}: a default one, or an opt-in one it enabled. */
    public static boolean enabled(World world, String region) {
        return isDefault(region) || world.optedInRegions.contains(region);
    }

    /** What AWS opts the account into when an administrator enables {@code region} (account:EnableRegion). */
    public static void enable(World world, String region) {
        if (!Regions.isKnown(region) || isDefault(region)) {
            throw new IllegalArgumentException(region + " is not an opt-in region");
        }
        world.optedInRegions.add(region);
    }

    /** How {@code service}'s endpoint in a region the account has not enabled refuses a request. */
    public static AwsServiceException notEnabled(Service service) {
        return switch (service) {
            case EC2 -> service.error(401, "AuthFailure",
                    "AWS was not able to validate the provided access credentials");
            case RDS, AUTOSCALING, ELB -> service.error(403, "InvalidClientTokenId", TOKEN_INVALID);
            default -> service.error(400, "UnrecognizedClientException", TOKEN_INVALID);
        };
    }
}
