package dr.regions.promotion;

import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Optional;

/**
 * Whether an error means an API could not be reached, as when the region its control plane lives in is down (for
 * Route 53 and CloudFront: us-east-1): a network failure, or a server-side error (5xx) that is not throttling. Any
 * other error (a refusal, a missing resource, throttling) is an answer from AWS, not an outage.
 */
public final class ApiOutage {
    private ApiOutage() {
    }

    /** The reason in one line when {@code error} (or what it wraps) is an outage; empty otherwise. */
    public static Optional<String> reason(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof AwsServiceException service) {
                return service.statusCode() >= 500 && !service.isThrottlingException()
                        ? Optional.of(firstLine(AwsServiceErrors.describe(service))) : Optional.empty();
            }
            if (e instanceof SdkClientException client) {
                return Optional.of(firstLine(client.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "the API did not answer";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message.strip() : message.substring(0, newline).strip();
    }
}
