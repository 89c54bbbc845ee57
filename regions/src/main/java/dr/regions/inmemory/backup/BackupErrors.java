package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.model.AlreadyExistsException;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.InvalidResourceStateException;
import software.amazon.awssdk.services.backup.model.MissingParameterValueException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * The errors the AWS Backup fake raises: the SDK's modeled exceptions, code = exception name, HTTP 400 for all
 * of them (AWS Backup API reference, each operation's "Errors" section), and the unmodeled 403
 * {@code AccessDeniedException} AWS answers for a vault that does not exist.
 */
final class BackupErrors {
    private BackupErrors() {
    }

    static AwsServiceException notFound(String message) {
        return Service.BACKUP.error(ResourceNotFoundException.builder(), 400, "ResourceNotFoundException", message);
    }

    /**
     * What DescribeBackupVault and ListRecoveryPointsByBackupVault answer for a vault that does not exist, even to a
     * caller with full permissions: HTTP 403 {@code AccessDeniedException}, "Insufficient privileges to perform this
     * action." (aws/aws-sdk-js#2625, boto/boto3#2269, ansible-collections/amazon.aws#1436). The Backup SDK models
     * no such exception, so it arrives as the service's base exception.
     */
    static AwsServiceException accessDenied() {
        return Service.BACKUP.error(403, "AccessDeniedException", "Insufficient privileges to perform this action.");
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
