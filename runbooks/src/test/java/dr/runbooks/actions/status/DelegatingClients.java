package dr.runbooks.actions.status;

import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Every client from {@code delegate}; a test overrides the one it wants to misbehave. */
class DelegatingClients implements AwsClients {
    private final AwsClients delegate;

    DelegatingClients(AwsClients delegate) {
        this.delegate = delegate;
    }

    @Override
    public Ec2Client ec2(String region) {
        return delegate.ec2(region);
    }

    @Override
    public RdsClient rds(String region) {
        return delegate.rds(region);
    }

    @Override
    public BackupClient backup(String region) {
        return delegate.backup(region);
    }

    @Override
    public AutoScalingClient autoScaling(String region) {
        return delegate.autoScaling(region);
    }

    @Override
    public ElasticLoadBalancingV2Client elb(String region) {
        return delegate.elb(region);
    }

    @Override
    public AcmClient acm(String region) {
        return delegate.acm(region);
    }

    @Override
    public Wafv2Client wafv2(String region) {
        return delegate.wafv2(region);
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return delegate.cloudWatch(region);
    }

    @Override
    public Route53Client route53() {
        return delegate.route53();
    }

    @Override
    public CloudFrontClient cloudFront() {
        return delegate.cloudFront();
    }

    @Override
    public IamClient iam() {
        return delegate.iam();
    }

    @Override
    public void close() {
    }
}
