package dr.regions.inmemory.acm;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.InvalidArnException;
import software.amazon.awssdk.services.acm.model.InvalidParameterException;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ValidationException;

/** ACM's modeled errors (JSON protocol: the code is the shape name, all HTTP 400). */
final class AcmErrors {
    private AcmErrors() {
    }

    static AwsServiceException notFound(String arn) {
        return Service.ACM.error(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException",
                "Could not find certificate " + arn + ".");
    }

    static AwsServiceException inUse(String arn) {
        return Service.ACM.error(ResourceInUseException.builder(), 400, "ResourceInUseException",
                "Certificate " + arn + " in account " + dr.regions.inmemory.world.World.ACCOUNT_ID + " is in use.");
    }

    static AwsServiceException invalidArn(String arn) {
        return Service.ACM.error(InvalidArnException.builder(), 400, "InvalidArnException",
                "String '" + arn + "' is not a valid ARN.");
    }

    static AwsServiceException invalidParameter(String message) {
        return Service.ACM.error(InvalidParameterException.builder(), 400, "InvalidParameterException", message);
    }

    static AwsServiceException validation(String member, Object value, String constraint) {
        return Service.ACM.error(ValidationException.builder(), 400, "ValidationException",
                ValidationMessage.of(member, value, constraint));
    }
}
