package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityInProgressException;

/**
 * The Auto Scaling errors the fake raises: the SDK's modeled exceptions with the codes and statuses its own
 * unmarshaller maps (AlreadyExists, ResourceInUse, ScalingActivityInProgress, LimitExceeded, InvalidNextToken: all
 * 400); everything else is a 400 ValidationError. Messages follow AWS's observed wording.
 */
final class AsgErrors {
    private AsgErrors() {
    }

    static AwsServiceException validation(String message) {
        return Service.AUTOSCALING.badRequest("ValidationError", message);
    }

    static AwsServiceException missing(String member) {
        return validation(ValidationMessage.missing(member));
    }

    static AwsServiceException alreadyExists(String name) {
        return Service.AUTOSCALING.error(AlreadyExistsException.builder(), 400, "AlreadyExists",
                "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists");
    }

    static AwsServiceException instancesStillInGroup() {
        return Service.AUTOSCALING.error(ResourceInUseException.builder(), 400, "ResourceInUse",
                "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance requests"
                        + " still in the group.");
    }

    static AwsServiceException scalingActivityInProgress() {
        return Service.AUTOSCALING.error(ScalingActivityInProgressException.builder(), 400,
                "ScalingActivityInProgress",
                "You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.");
    }

    static AwsServiceException tooManyTags() {
        return Service.AUTOSCALING.error(LimitExceededException.builder(), 400, "LimitExceeded",
                "The quota for the number of tags of an Auto Scaling group (50) has been reached");
    }

    static AwsServiceException invalidNextToken(String token) {
        return Service.AUTOSCALING.error(InvalidNextTokenException.builder(), 400, "InvalidNextToken",
                "The token '" + token + "' is invalid.");
    }

    /** DeleteAutoScalingGroup and most group operations on an unknown name. */
    static AwsServiceException groupNotFound(String name) {
        return validation("AutoScalingGroup name not found - AutoScalingGroup '" + name + "' not found");
    }
}
