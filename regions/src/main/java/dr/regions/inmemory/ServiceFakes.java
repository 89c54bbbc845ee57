package dr.regions.inmemory;

import dr.regions.aws.AwsClients;
import dr.regions.inmemory.acm.FakeAcm;
import dr.regions.inmemory.autoscaling.FakeAutoScaling;
import dr.regions.inmemory.backup.FakeBackup;
import dr.regions.inmemory.cloudfront.FakeCloudFront;
import dr.regions.inmemory.cloudwatch.FakeCloudWatch;
import dr.regions.inmemory.ec2.FakeEc2;
import dr.regions.inmemory.elb.FakeElb;
import dr.regions.inmemory.iam.FakeIam;
import dr.regions.inmemory.rds.FakeRds;
import dr.regions.inmemory.route53.FakeRoute53;
import dr.regions.inmemory.wafv2.FakeWafv2;
import dr.regions.inmemory.world.World;
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
 * The service fakes over one world, each built per call and unwrapped: what {@link InMemoryCloud} wraps for dr, and
 * what the fakes reach each other through ({@link World#services()}), so no service package depends on another's.
 */
final class ServiceFakes implements AwsClients {
    private final World world;

    private ServiceFakes(World world) {
        this.world = world;
    }

    /** Connects the world's services to these fakes; returns them. */
    static ServiceFakes connect(World world) {
        ServiceFakes fakes = new ServiceFakes(world);
        world.connect(fakes);
        return fakes;
    }

    @Override
    public Ec2Client ec2(String region) {
        return new FakeEc2(world, region);
    }

    @Override
    public RdsClient rds(String region) {
        return new FakeRds(world, region);
    }

    @Override
    public BackupClient backup(String region) {
        return new FakeBackup(world, region);
    }

    @Override
    public AutoScalingClient autoScaling(String region) {
        return new FakeAutoScaling(world, region);
    }

    @Override
    public ElasticLoadBalancingV2Client elb(String region) {
        return new FakeElb(world, region);
    }

    @Override
    public AcmClient acm(String region) {
        return new FakeAcm(world, region);
    }

    @Override
    public Wafv2Client wafv2(String region) {
        return new FakeWafv2(world, region);
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return new FakeCloudWatch(world, region);
    }

    @Override
    public Route53Client route53() {
        return new FakeRoute53(world);
    }

    @Override
    public CloudFrontClient cloudFront() {
        return new FakeCloudFront(world);
    }

    @Override
    public IamClient iam() {
        return new FakeIam(world);
    }

    @Override
    public void close() {
    }
}
