package dr.regions.inmemory.cloudwatch;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;

/**
 * CloudWatch's errors (query protocol, all HTTP 400). {@code MissingParameter} says "The parameter ... is required."
 * (as AWS answers for PutMetricData, noxdafox/rabbitmq-cloudwatch-exporter#14); request checks the service makes
 * itself are {@code ValidationError} with a message ending in a newline, as AWS sends it
 * (prometheus-community/yet-another-cloudwatch-exporter#729: "The parameter StartTime must not equal parameter
 * EndTime.\n").
 */
final class CloudWatchErrors {
    private CloudWatchErrors() {
    }

    static AwsServiceException missing(String parameter) {
        return Service.CLOUDWATCH.error(MissingRequiredParameterException.builder(), 400, "MissingParameter",
                "The parameter " + parameter + " is required.");
    }

    static AwsServiceException validation(String message) {
        return Service.CLOUDWATCH.error(400, "ValidationError", message + "\n");
    }

    /** A member below its modeled minimum, worded as AWS's request validation words it. */
    static AwsServiceException belowMinimum(String member, long value, long minimum) {
        return Service.CLOUDWATCH.error(400, "ValidationError", "1 validation error detected: Value '" + value
                + "' at '" + member + "' failed to satisfy constraint: Member must have value greater than or equal "
                + "to " + minimum);
    }

    static AwsServiceException invalidNextToken() {
        return Service.CLOUDWATCH.error(InvalidNextTokenException.builder(), 400, "InvalidNextToken",
                "The service cannot process the NextToken given.");
    }
}
