package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * EC2's error answers. EC2 has no modeled exception classes: every error is an {@code Ec2Exception} with HTTP
 * 400 and a code. Codes and message shapes follow the EC2 API error reference
 * (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html) and the messages real accounts return.
 */
final class Ec2Errors {
    private Ec2Errors() {
    }

    static AwsServiceException error(String code, String message) {
        return Service.EC2.badRequest(code, message);
    }

    static AwsServiceException missing(String parameter) {
        return error("MissingParameter", "The request must contain the parameter " + parameter);
    }

    static AwsServiceException invalidValue(String message) {
        return error("InvalidParameterValue", message);
    }

    static AwsServiceException invalidValue(String parameter, Object value) {
        return error("InvalidParameterValue", "Invalid value '" + value + "' for " + parameter);
    }

    static AwsServiceException combination(String message) {
        return error("InvalidParameterCombination", message);
    }

    static AwsServiceException dependencyViolation(String kind, String id) {
        return error("DependencyViolation", "The " + kind + " '" + id + "' has dependencies and cannot be deleted.");
    }

    /** {@code InvalidVpcID.NotFound: The vpc ID 'vpc-1' does not exist}. */
    static AwsServiceException notFound(String code, String kind, String id) {
        return error(code, "The " + kind + " ID '" + id + "' does not exist");
    }

    static void require(Object value, String parameter) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw missing(parameter);
        }
    }
}
