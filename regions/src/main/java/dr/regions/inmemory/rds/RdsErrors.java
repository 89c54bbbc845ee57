package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupDoesNotCoverEnoughAZsException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotAllowedException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbSnapshotStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbSubnetGroupStateException;
import software.amazon.awssdk.services.rds.model.InvalidSubnetException;
import software.amazon.awssdk.services.rds.model.KmsKeyNotAccessibleException;

/**
 * The errors the RDS fake raises. Codes and HTTP statuses are the SDK's own registrations (DefaultRdsClient's
 * modeled exceptions, which follow the RDS API reference's "Errors" sections); InvalidParameterValue,
 * InvalidParameterCombination and MissingParameter are RDS common errors (API reference, "Common Errors"),
 * which the SDK raises as a plain RdsException.
 */
final class RdsErrors {
    private RdsErrors() {
    }

    static AwsServiceException instanceNotFound(String identifier) {
        return Service.RDS.error(DbInstanceNotFoundException.builder(), 404, "DBInstanceNotFound",
                "DBInstance " + identifier + " not found.");
    }

    static AwsServiceException instanceAlreadyExists() {
        return Service.RDS.error(DbInstanceAlreadyExistsException.builder(), 400, "DBInstanceAlreadyExists",
                "DB instance already exists");
    }

    static AwsServiceException invalidInstanceState(String message) {
        return Service.RDS.error(InvalidDbInstanceStateException.builder(), 400, "InvalidDBInstanceState", message);
    }

    static AwsServiceException subnetGroupNotFound(String name) {
        return Service.RDS.error(DbSubnetGroupNotFoundException.builder(), 404, "DBSubnetGroupNotFoundFault",
                "DBSubnetGroupName '" + name + "' not found.");
    }

    static AwsServiceException subnetGroupAlreadyExists(String name) {
        return Service.RDS.error(DbSubnetGroupAlreadyExistsException.builder(), 400, "DBSubnetGroupAlreadyExists",
                "The DB subnet group '" + name + "' already exists.");
    }

    static AwsServiceException subnetGroupInUse(String name) {
        return Service.RDS.error(InvalidDbSubnetGroupStateException.builder(), 400,
                "InvalidDBSubnetGroupStateFault", "Cannot delete the subnet group '" + name
                        + "' because at least one database instance: is still using it.");
    }

    static AwsServiceException notEnoughAzs(String coverage) {
        return Service.RDS.error(DbSubnetGroupDoesNotCoverEnoughAZsException.builder(), 400,
                "DBSubnetGroupDoesNotCoverEnoughAZs",
                "The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: "
                        + coverage + ". Add subnets to cover at least 2 AZs.");
    }

    static AwsServiceException subnetGroupNotAllowed() {
        return Service.RDS.error(DbSubnetGroupNotAllowedException.builder(), 400, "DBSubnetGroupNotAllowedFault",
                "DbSubnetGroupName should not be specified for read replicas that are created in the same region"
                        + " as the master");
    }

    static AwsServiceException invalidSubnet(String message) {
        return Service.RDS.error(InvalidSubnetException.builder(), 400, "InvalidSubnet", message);
    }

    static AwsServiceException snapshotNotFound(String identifier) {
        return Service.RDS.error(DbSnapshotNotFoundException.builder(), 404, "DBSnapshotNotFound",
                "DBSnapshot " + identifier + " not found.");
    }

    static AwsServiceException snapshotAlreadyExists(String identifier) {
        return Service.RDS.error(DbSnapshotAlreadyExistsException.builder(), 400, "DBSnapshotAlreadyExists",
                "Cannot create the snapshot because a snapshot with the identifier " + identifier
                        + " already exists.");
    }

    static AwsServiceException invalidSnapshotState(String message) {
        return Service.RDS.error(InvalidDbSnapshotStateException.builder(), 400, "InvalidDBSnapshotState", message);
    }

    /** A KMS key that does not exist in this region (e.g. a key ARN of another region). */
    static AwsServiceException kmsKeyNotAccessible(String keyId) {
        return Service.RDS.error(KmsKeyNotAccessibleException.builder(), 400, "KMSKeyNotAccessibleFault",
                "The specified KMS key [" + keyId + "] does not exist, is not enabled or you do not have permissions"
                        + " to access it.");
    }

    static AwsServiceException invalidParameterValue(String message) {
        return Service.RDS.badRequest("InvalidParameterValue", message);
    }

    static AwsServiceException invalidParameterCombination(String message) {
        return Service.RDS.badRequest("InvalidParameterCombination", message);
    }

    static AwsServiceException missingParameter(String parameter) {
        return Service.RDS.badRequest("MissingParameter", "The request must contain the parameter " + parameter);
    }
}
