package dr.regions.inmemory;

import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;
import dr.regions.inmemory.world.Service;
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
 * The in-memory cloud as an {@link AwsClients}: production code runs unchanged against it. Every client is
 * wrapped by {@link ServiceProxy}, so faults, call counting and the world lock apply to all services alike.
 */
public final class InMemoryCloud implements AwsClients {
    private final World world;
    private final ServiceFakes fakes;

    public InMemoryCloud(World world) {
        this.world = world;
        this.fakes = ServiceFakes.connect(world);
    }

    /** A new, empty cloud (no base images, no public zone). Tests that want an account use {@link SandboxAccount}. */
    public InMemoryCloud() {
        this(new World());
    }

    public World world() {
        return world;
    }

    /** How the sandbox's users reach it: its modeled edge and name servers, over this cloud's world. */
    public DataPlane dataPlane() {
        return new SandboxDataPlane(world);
    }

    @Override
    public Ec2Client ec2(String region) {
        return ServiceProxy.wrap(Ec2Client.class, fakes.ec2(region), Service.EC2, region, world);
    }

    @Override
    public RdsClient rds(String region) {
        return ServiceProxy.wrap(RdsClient.class, fakes.rds(region), Service.RDS, region, world);
    }

    @Override
    public BackupClient backup(String region) {
        return ServiceProxy.wrap(BackupClient.class, fakes.backup(region), Service.BACKUP, region, world);
    }

    @Override
    public AutoScalingClient autoScaling(String region) {
        return ServiceProxy.wrap(AutoScalingClient.class, fakes.autoScaling(region), Service.AUTOSCALING,
                region, world);
    }

    @Override
    public ElasticLoadBalancingV2Client elb(String region) {
        return ServiceProxy.wrap(ElasticLoadBalancingV2Client.class, fakes.elb(region), Service.ELB, region,
                world);
    }

    @Override
    public AcmClient acm(String region) {
        return ServiceProxy.wrap(AcmClient.class, fakes.acm(region), Service.ACM, region, world);
    }

    @Override
    public Wafv2Client wafv2(String region) {
        return ServiceProxy.wrap(Wafv2Client.class, fakes.wafv2(region), Service.WAFV2, region, world);
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return ServiceProxy.wrap(CloudWatchClient.class, fakes.cloudWatch(region), Service.CLOUDWATCH, region, world);
    }

    /** Global services are logged with region {@code global}; a regional outage does not take them down. */
    @Override
    public Route53Client route53() {
        return ServiceProxy.wrap(Route53Client.class, fakes.route53(), Service.ROUTE53, "global", world);
    }

    @Override
    public CloudFrontClient cloudFront() {
        return ServiceProxy.wrap(CloudFrontClient.class, fakes.cloudFront(), Service.CLOUDFRONT, "global",
                world);
    }

    @Override
    public IamClient iam() {
        return ServiceProxy.wrap(IamClient.class, fakes.iam(), Service.IAM, "global", world);
    }

    @Override
    public void close() {
    }
}
