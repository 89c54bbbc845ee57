package dr.regions.inmemory.cloudfront;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.IllegalUpdateException;
import software.amazon.awssdk.services.cloudfront.model.InconsistentQuantitiesException;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.InvalidViewerCertificateException;
import software.amazon.awssdk.services.cloudfront.model.InvalidWebAclIdException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCachePolicyException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginRequestPolicyException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchResourceException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * CloudFront's modeled errors; codes and HTTP statuses as the SDK registers them for the CloudFront XML
 * protocol (DefaultCloudFrontClient). Messages are CloudFront's where known from its responses.
 */
final class CloudFrontErrors {
    private CloudFrontErrors() {
    }

    static AwsServiceException invalidArgument(String message) {
        return Service.CLOUDFRONT.error(InvalidArgumentException.builder(), 400, "InvalidArgument", message);
    }

    static AwsServiceException inconsistentQuantities(String where) {
        return Service.CLOUDFRONT.error(InconsistentQuantitiesException.builder(), 400, "InconsistentQuantities",
                "The value of Quantity and the size of Items don't match (" + where + ").");
    }

    static AwsServiceException noSuchDistribution(String id) {
        return Service.CLOUDFRONT.error(NoSuchDistributionException.builder(), 404, "NoSuchDistribution",
                "The specified distribution does not exist: " + id);
    }

    static AwsServiceException noSuchResource(String arn) {
        return Service.CLOUDFRONT.error(NoSuchResourceException.builder(), 404, "NoSuchResource",
                "The specified resource does not exist: " + arn);
    }

    static AwsServiceException distributionAlreadyExists(String id) {
        return Service.CLOUDFRONT.error(DistributionAlreadyExistsException.builder(), 409,
                "DistributionAlreadyExists",
                "The caller reference that you are using to create a distribution is associated with another"
                        + " distribution. Already exists: " + id);
    }

    static AwsServiceException distributionNotDisabled() {
        return Service.CLOUDFRONT.error(DistributionNotDisabledException.builder(), 409, "DistributionNotDisabled",
                "The distribution you are trying to delete has not been disabled.");
    }

    static AwsServiceException invalidIfMatchVersion() {
        return Service.CLOUDFRONT.error(InvalidIfMatchVersionException.builder(), 400, "InvalidIfMatchVersion",
                "The If-Match version is missing or not valid for the resource.");
    }

    static AwsServiceException preconditionFailed() {
        return Service.CLOUDFRONT.error(PreconditionFailedException.builder(), 412, "PreconditionFailed",
                "The request failed because it didn't meet the preconditions in one or more request-header fields.");
    }

    static AwsServiceException illegalUpdate(String message) {
        return Service.CLOUDFRONT.error(IllegalUpdateException.builder(), 400, "IllegalUpdate", message);
    }

    static AwsServiceException invalidViewerCertificate(String message) {
        return Service.CLOUDFRONT.error(InvalidViewerCertificateException.builder(), 400,
                "InvalidViewerCertificate", message);
    }

    static AwsServiceException invalidWebAclId(String webAclId) {
        return Service.CLOUDFRONT.error(InvalidWebAclIdException.builder(), 400, "InvalidWebACLId",
                "Web ACL is not accessible by the requester: " + webAclId);
    }

    static AwsServiceException cnameAlreadyExists(String alias) {
        return Service.CLOUDFRONT.error(CnameAlreadyExistsException.builder(), 409, "CNAMEAlreadyExists",
                "One or more of the CNAMEs you provided are already associated with a different resource: " + alias);
    }

    static AwsServiceException noSuchOrigin(String id) {
        return Service.CLOUDFRONT.error(NoSuchOriginException.builder(), 404, "NoSuchOrigin",
                "One or more of your origins or origin groups do not exist: " + id);
    }

    static AwsServiceException noSuchCachePolicy(String id) {
        return Service.CLOUDFRONT.error(NoSuchCachePolicyException.builder(), 404, "NoSuchCachePolicy",
                "The cache policy does not exist: " + id);
    }

    static AwsServiceException noSuchOriginRequestPolicy(String id) {
        return Service.CLOUDFRONT.error(NoSuchOriginRequestPolicyException.builder(), 404,
                "NoSuchOriginRequestPolicy", "The origin request policy does not exist: " + id);
    }
}
