package dr.regions.discovery;

import dr.core.model.Regions;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Region;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The regions the account has enabled, from EC2 DescribeRegions without {@code AllRegions}, which lists "the Regions
 * that are enabled for your account" (EC2 API Reference, DescribeRegions). Asked of a default region, which every
 * account has; when the first cannot answer (an outage, or a policy that denies ec2:DescribeRegions) the next is
 * asked, and when none can, the answer is not known and each region's own refusal has to tell
 * ({@link #refusesAsNotEnabled}).
 */
final class EnabledRegions {
    /** Default regions asked in turn, each in a different part of the world. */
    static final List<String> ASKED = List.of(Regions.GLOBAL_EDGE, "us-west-2", "eu-west-1");

    /**
     * What an opt-in region the account has not enabled answers: EC2's {@code AuthFailure} (HTTP 401; e.g.
     * turbot/steampipe-plugin-aws#75) and {@code OptInRequired}; the other services' "security token is invalid" codes.
     */
    private static final Set<String> NOT_ENABLED_CODES = Set.of("AuthFailure", "OptInRequired",
            "InvalidClientTokenId", "UnrecognizedClientException");

    private static final String NOT_OPTED_IN = "not-opted-in";

    private final AwsClients clients;

    EnabledRegions(AwsClients clients) {
        this.clients = clients;
    }

    /** The enabled regions, or empty when no default region answered. Throttling is left to the callers' retries. */
    Optional<Set<String>> ask() {
        for (String region : ASKED) {
            try {
                // AWS lists no not-opted-in region without AllRegions; moto does (gap G23), so they are left out here
                return Optional.of(clients.ec2(region).describeRegions(r -> { }).regions().stream()
                        .filter(r -> !NOT_OPTED_IN.equals(r.optInStatus())).map(Region::regionName)
                        .collect(Collectors.toUnmodifiableSet()));
            } catch (SdkClientException e) {
                continue;
            } catch (AwsServiceException e) {
                if (e.isThrottlingException()) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code error} is a region saying the account has not enabled it, rather than a region in trouble. */
    static boolean refusesAsNotEnabled(AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
        return code != null && NOT_ENABLED_CODES.contains(code);
    }
}
