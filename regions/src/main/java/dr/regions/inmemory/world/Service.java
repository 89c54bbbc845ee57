package dr.regions.inmemory.world;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;

import java.util.function.Supplier;

/**
 * The services of the in-memory cloud, each with its SDK exception type and its throttling error
 * (the code the real service returns when it throttles; the SDK's retry logic recognises each of them).
 */
public enum Service {
    EC2("ec2", "Ec2", Ec2Exception::builder, 503, "RequestLimitExceeded"),
    RDS("rds", "Rds", RdsException::builder, 400, "Throttling"),
    BACKUP("backup", "Backup", BackupException::builder, 400, "ThrottlingException"),
    AUTOSCALING("autoscaling", "AutoScaling", AutoScalingException::builder, 400, "Throttling"),
    ELB("elasticloadbalancing", "ElasticLoadBalancingV2", ElasticLoadBalancingV2Exception::builder, 400, "Throttling"),
    ACM("acm", "Acm", AcmException::builder, 400, "ThrottlingException"),
    WAFV2("wafv2", "Wafv2", Wafv2Exception::builder, 400, "ThrottlingException"),
    ROUTE53("route53", "Route53", Route53Exception::builder, 400, "Throttling"),
    CLOUDFRONT("cloudfront", "CloudFront", CloudFrontException::builder, 400, "Throttling"),
    IAM("iam", "Iam", IamException::builder, 400, "Throttling"),
    /** CloudWatch: ARN namespace and IAM prefix {@code cloudwatch}; its API host is {@code monitoring.<region>}. */
    CLOUDWATCH("cloudwatch", "CloudWatch", CloudWatchException::builder, 400, "Throttling");

    private final String arnNamespace;
    private final String sdkName;
    private final Supplier<AwsServiceException.Builder> exceptionBuilder;
    private final int throttleStatus;
    private final String throttleCode;

    Service(String arnNamespace, String sdkName, Supplier<AwsServiceException.Builder> exceptionBuilder,
            int throttleStatus, String throttleCode) {
        this.arnNamespace = arnNamespace;
        this.sdkName = sdkName;
        this.exceptionBuilder = exceptionBuilder;
        this.throttleStatus = throttleStatus;
        this.throttleCode = throttleCode;
    }

    public String arnNamespace() {
        return arnNamespace;
    }

    public boolean isGlobal() {
        return this == ROUTE53 || this == CLOUDFRONT || this == IAM;
    }

    /** An error as the SDK would raise it: the service's exception type with code, message and status. */
    public AwsServiceException error(int status, String code, String message) {
        return error(exceptionBuilder.get(), status, code, message);
    }

    /** The same, on a modeled exception's builder (e.g. {@code DbInstanceNotFoundException.builder()}). */
    public AwsServiceException error(AwsServiceException.Builder builder, int status, String code, String message) {
        return builder
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(sdkName)
                        .build())
                .statusCode(status)
                .message(message + " (Service: " + sdkName + ", Status Code: " + status + ")")
                .build();
    }

    /**
     * An error whose body AWS left empty: the SDK raises the service's exception with the HTTP status and its
     * service name, but no error code and no message.
     */
    public AwsServiceException bareError(int status) {
        return exceptionBuilder.get()
                .awsErrorDetails(AwsErrorDetails.builder().serviceName(sdkName).build())
                .statusCode(status)
                .build();
    }

    /** The service name the SDK puts on its errors and execution attributes, e.g. {@code Ec2}. */
    public String sdkName() {
        return sdkName;
    }

    public AwsServiceException badRequest(String code, String message) {
        return error(400, code, message);
    }

    public AwsServiceException throttled() {
        return error(throttleStatus, throttleCode, "Rate exceeded");
    }
}
