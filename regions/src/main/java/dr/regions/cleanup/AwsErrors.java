package dr.regions.cleanup;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reading AWS errors the way a deletion needs: is the resource gone, and what code did AWS answer. */
final class AwsErrors {
    private AwsErrors() {
    }

    static String code(AwsServiceException error) {
        return error.awsErrorDetails() == null || error.awsErrorDetails().errorCode() == null
                ? "" : error.awsErrorDetails().errorCode();
    }

    static String message(AwsServiceException error) {
        return error.awsErrorDetails() == null || error.awsErrorDetails().errorMessage() == null
                ? String.valueOf(error.getMessage()) : error.awsErrorDetails().errorMessage();
    }

    /**
     * The resource does not exist (any more): {@code InvalidVpcID.NotFound}, {@code NatGatewayNotFound},
     * {@code DBInstanceNotFound}, {@code DBSubnetGroupNotFoundFault}, {@code LoadBalancerNotFound},
     * {@code ResourceNotFoundException}, {@code NoSuchHostedZone}, {@code NoSuchDistribution},
     * {@code WAFNonexistentItemException}, and Auto Scaling's {@code ValidationError} "... not found".
     */
    static boolean isGone(AwsServiceException error) {
        String code = code(error);
        if (code.endsWith(".NotFound") || code.endsWith("NotFound") || code.endsWith("NotFoundException")
                || code.endsWith("NotFoundFault") || code.startsWith("NoSuch")
                || code.endsWith("NonexistentItemException")) {
            return true;
        }
        return code.equals("ValidationError") && message(error).contains("not found");
    }
}
