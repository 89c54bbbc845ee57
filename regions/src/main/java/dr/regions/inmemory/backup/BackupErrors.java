package dr.regions.inmemory.backup;

import dr.regions.inmemory.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.model.AlreadyExistsException;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.InvalidResourceStateException;
import software.amazon.awssdk.services.backup.model.MissingParameterValueException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * The errors the AWS Backup fake raises: the SDK's modeled exceptions, code = exception name, HTTP 400 for all
 * of them (AWS Backup API reference, each operation's "Errors" section).
 */
final class BackupErrors {
    private BackupErrors() {
    }

    static AwsServiceException notFound(String message) {
        return Service.BACKUP.error(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException", message);
    }

    static AwsServiceException alreadyExists(String message) {
        return Service.BACKUP.error(AlreadyExistsException.builder(), 400, "AlreadyExistsException", message);
    }

    static AwsServiceException invalidRequest(String message) {
        return Service.BACKUP.error(InvalidRequestException.builder(), 400, "InvalidRequestException", message);
    }

    static AwsServiceException invalidParameter(String message) {
        return Service.BACKUP.error(InvalidParameterValueException.builder(), 400, "InvalidParameterValueException",
                message);
    }

    static AwsServiceException invalidResourceState(String message) {
        return Service.BACKUP.error(InvalidResourceStateException.builder(), 400, "InvalidResourceStateException",
                message);
    }

    static AwsServiceException missingParameter(String parameter) {
        return Service.BACKUP.error(MissingParameterValueException.builder(), 400, "MissingParameterValueException",
                parameter + " is required");
    }

    static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw missingParameter(parameter);
        }
        return value;
    }
}
