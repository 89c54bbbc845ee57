package dr.regions.inmemory.iam;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyNotAttachableException;

/**
 * IAM's modeled errors (query protocol). Codes and HTTP statuses are those the SDK registers in DefaultIamClient:
 * NoSuchEntity 404; EntityAlreadyExists, DeleteConflict and LimitExceeded 409; MalformedPolicyDocument and InvalidInput
 * 400; PolicyNotAttachable 400. Messages are IAM's own wording. Parameter constraint failures are the protocol's ValidationError (400), which
 * the SDK models as a plain IamException.
 */
final class IamErrors {
    private IamErrors() {
    }

    static AwsServiceException noSuchEntity(String message) {
        return Service.IAM.error(NoSuchEntityException.builder(), 404, "NoSuchEntity", message);
    }

    static AwsServiceException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    static AwsServiceException noSuchInstanceProfile(String name) {
        return noSuchEntity("Instance Profile " + name + " cannot be found.");
    }

    static AwsServiceException alreadyExists(String message) {
        return Service.IAM.error(EntityAlreadyExistsException.builder(), 409, "EntityAlreadyExists", message);
    }

    static AwsServiceException deleteConflict(String message) {
        return Service.IAM.error(DeleteConflictException.builder(), 409, "DeleteConflict", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return Service.IAM.error(LimitExceededException.builder(), 409, "LimitExceeded", message);
    }

    static AwsServiceException malformed(String message) {
        return Service.IAM.error(MalformedPolicyDocumentException.builder(), 400, "MalformedPolicyDocument", message);
    }

    static AwsServiceException policyNotAttachable(String message) {
        return Service.IAM.error(PolicyNotAttachableException.builder(), 400, "PolicyNotAttachable", message);
    }

    static AwsServiceException invalidInput(String message) {
        return Service.IAM.error(InvalidInputException.builder(), 400, "InvalidInput", message);
    }

    /** "1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: ...". */
    static AwsServiceException validation(String value, String field, String constraint) {
        return Service.IAM.error(IamException.builder(), 400, "ValidationError",
                ValidationMessage.of(field, value, constraint));
    }
}
