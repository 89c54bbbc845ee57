package dr.regions.aws;

import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

/**
 * The one source of AWS clients: real SDK clients ({@link SdkAwsClients}) or the in-memory cloud. Clients are
 * created lazily on first use, per region, so a command that never touches a region never builds its client.
 * Route 53, CloudFront and IAM are global services; their clients take no region.
 */
public interface AwsClients extends AutoCloseable {
    Ec2Client ec2(String region);

    RdsClient rds(String region);

    BackupClient backup(String region);

    AutoScalingClient autoScaling(String region);

    ElasticLoadBalancingV2Client elb(String region);

    AcmClient acm(String region);

    Wafv2Client wafv2(String region);

    /** CloudWatch of one region: RDS publishes a replica's {@code ReplicaLag} in the replica's own region. */
    CloudWatchClient cloudWatch(String region);

    Route53Client route53();

    CloudFrontClient cloudFront();

    /** IAM: global, its control plane in us-east-1; only provision and cleanup call it, never promote-replica. */
    IamClient iam();

    @Override
    void close();
}
