package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.model.ConflictingDomainExistsException;
import software.amazon.awssdk.services.route53.model.HealthCheckAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HostedZoneNotEmptyException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidDomainNameException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.InvalidVpcIdException;
import software.amazon.awssdk.services.route53.model.NoSuchChangeException;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;

import java.util.List;

/**
 * Route 53's modeled errors. Codes and HTTP statuses are those the SDK registers for the Route 53 XML
 * protocol (DefaultRoute53Client); InvalidChangeBatch and ConflictingDomainExists carry no status in the
 * model and are 400 on the wire.
 */
final class Route53Errors {
    private Route53Errors() {
    }

    static AwsServiceException noSuchHostedZone(String id) {
        return Service.ROUTE53.error(NoSuchHostedZoneException.builder(), 404, "NoSuchHostedZone",
                "No hosted zone found with ID: " + id);
    }

    static AwsServiceException hostedZoneAlreadyExists(String callerReference) {
        return Service.ROUTE53.error(HostedZoneAlreadyExistsException.builder(), 409, "HostedZoneAlreadyExists",
                "A hosted zone has already been created with the specified caller reference: " + callerReference);
    }

    static AwsServiceException hostedZoneNotEmpty() {
        return Service.ROUTE53.error(HostedZoneNotEmptyException.builder(), 400, "HostedZoneNotEmpty",
                "The specified hosted zone contains non-required resource record sets and so cannot be deleted.");
    }

    static AwsServiceException conflictingDomainExists(String name, String vpcId) {
        return Service.ROUTE53.error(ConflictingDomainExistsException.builder(), 400, "ConflictingDomainExists",
                "Cannot associate " + vpcId + " with " + name
                        + " because a private hosted zone with the same name is already associated with it.");
    }

    static AwsServiceException invalidVpcId(String vpcId) {
        return Service.ROUTE53.error(InvalidVpcIdException.builder(), 400, "InvalidVPCId",
                "The VPC ID '" + vpcId + "' is not valid.");
    }

    static AwsServiceException invalidDomainName(String name) {
        return Service.ROUTE53.error(InvalidDomainNameException.builder(), 400, "InvalidDomainName",
                name + " is not a valid domain name.");
    }

    static AwsServiceException invalidChangeBatch(List<String> messages) {
        AwsServiceException.Builder builder = InvalidChangeBatchException.builder().messages(messages);
        return Service.ROUTE53.error(builder, 400, "InvalidChangeBatch", messages.toString());
    }

    static AwsServiceException invalidInput(String message) {
        return Service.ROUTE53.error(InvalidInputException.builder(), 400, "InvalidInput", message);
    }

    /** The form AWS uses for a missing or out-of-range member. */
    static AwsServiceException constraint(String member, Object value, String constraint) {
        return invalidInput(ValidationMessage.of(member, value, constraint));
    }

    static AwsServiceException missing(String member) {
        return constraint(member, null, "Member must not be null");
    }

    static AwsServiceException noSuchHealthCheck(String id) {
        return Service.ROUTE53.error(NoSuchHealthCheckException.builder(), 404, "NoSuchHealthCheck",
                "A health check with id " + id + " does not exist.");
    }

    static AwsServiceException healthCheckAlreadyExists(String callerReference) {
        return Service.ROUTE53.error(HealthCheckAlreadyExistsException.builder(), 409, "HealthCheckAlreadyExists",
                "A health check with the caller reference " + callerReference
                        + " already exists or was deleted, or has different settings.");
    }

    static AwsServiceException healthCheckVersionMismatch() {
        return Service.ROUTE53.error(HealthCheckVersionMismatchException.builder(), 409,
                "HealthCheckVersionMismatch",
                "The value of HealthCheckVersion in the request doesn't match the value of HealthCheckVersion in"
                        + " the health check.");
    }

    static AwsServiceException noSuchChange(String id) {
        return Service.ROUTE53.error(NoSuchChangeException.builder(), 404, "NoSuchChange",
                "A change with the specified change ID does not exist: " + id);
    }
}
