package dr.regions.aws;

import dr.core.engine.ServiceError;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Optional;

/**
 * The one description of an AWS error, for step lines, summaries, JSON documents and reports alike: service,
 * operation, HTTP status, error code, message and request id, each said to be missing when AWS sent none (an empty
 * 404 body has neither code nor message). Real SDK clients and the in-memory cloud name the operation the same way
 * ({@link AwsCall}), so one formatter serves both.
 */
public final class AwsServiceErrors {
    private AwsServiceErrors() {
    }

    /** The AWS service error {@code error} is or was caused by, part by part. */
    public static Optional<ServiceError> of(Throwable error) {
        return serviceException(error).map(AwsServiceErrors::parts);
    }

    /**
     * {@link #of}, or for a request that got no answer (a region that does not answer, the network) the call it was
     * ({@link AwsCall}) with no status or code and the SDK's message: what a line about a failed call names either way.
     */
    public static Optional<ServiceError> ofCall(Throwable error) {
        Optional<ServiceError> answered = of(error);
        if (answered.isPresent()) {
            return answered;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SdkException sdk) {
                Optional<AwsCall> call = AwsCall.of(sdk);
                return Optional.of(new ServiceError(call.map(AwsCall::service).orElse(null),
                        call.map(AwsCall::operation).orElse(null), 0, null, sdk.getMessage(), null));
            }
        }
        return Optional.empty();
    }

    /**
     * The region the failed call in {@code error}'s cause chain went to ({@link AwsCall}); empty for a global
     * service's call (Route 53, CloudFront, IAM), or when the client did not name it.
     */
    public static Optional<String> region(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SdkException sdk) {
                return AwsCall.of(sdk).flatMap(AwsCall::region);
            }
        }
        return Optional.empty();
    }

    /** The first AWS service exception in {@code error}'s cause chain. */
    public static Optional<AwsServiceException> serviceException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** True when {@code error} is, or was caused by, any SDK error: the service's answer or a failed request. */
    public static boolean isAws(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SdkException) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line for any error: the AWS line for a service error; the SDK's own message for a request that never got
     * an answer (network, credentials); else the message, or the type when there is none. Never {@code null}.
     */
    public static String describe(Throwable error) {
        if (error instanceof AwsServiceException service) {
            return parts(service).line();
        }
        Optional<ServiceError> cause = of(error);
        String own = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName() : error.getMessage();
        return cause.map(aws -> own.contains(aws.line()) ? own : own + ": " + aws.line()).orElse(own);
    }

    private static ServiceError parts(AwsServiceException error) {
        AwsErrorDetails details = error.awsErrorDetails();
        Optional<AwsCall> call = AwsCall.of(error);
        String service = details != null && details.serviceName() != null ? details.serviceName()
                : call.map(AwsCall::service).orElse(null);
        return new ServiceError(service, call.map(AwsCall::operation).orElse(null), error.statusCode(),
                details == null ? null : details.errorCode(), details == null ? null : details.errorMessage(),
                error.requestId());
    }
}
