package dr.regions.aws;

import dr.core.engine.ErrorClassifier;
import dr.core.engine.ServiceError;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Optional;

/**
 * Which AWS errors the engine retries: throttling (every service's code, as the SDK knows them), "not found"
 * right after a create (eventual consistency), and network failures; everything else fails the step.
 */
public final class AwsErrorClassifier implements ErrorClassifier {

    @Override
    public Kind classify(Throwable error) {
        if (error instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return Kind.THROTTLED;
            }
            return isNotFound(code(service)) ? Kind.NOT_YET_VISIBLE : Kind.FATAL;
        }
        if (error instanceof SdkClientException) {
            return Kind.TRANSIENT;
        }
        return Kind.FATAL;
    }

    /** The AWS line ({@link AwsServiceErrors#describe}): service, operation, status, code, message, request id. */
    @Override
    public String describe(Throwable error) {
        return AwsServiceErrors.describe(error);
    }

    @Override
    public Optional<ServiceError> serviceError(Throwable error) {
        return AwsServiceErrors.of(error);
    }

    private static String code(AwsServiceException error) {
        return error.awsErrorDetails() == null || error.awsErrorDetails().errorCode() == null
                ? "" : error.awsErrorDetails().errorCode();
    }

    /** {@code InvalidVpcID.NotFound}, {@code DBInstanceNotFound}, {@code NoSuchHostedZone}, {@code ResourceNotFoundException}... */
    static boolean isNotFound(String code) {
        return code.endsWith(".NotFound") || code.endsWith("NotFound") || code.endsWith("NotFoundException")
                || code.startsWith("NoSuch") || code.endsWith("NonexistentItemException");
    }
}
