package dr.regions.inmemory.elb;

import dr.regions.dns.HostedZones;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.world.World;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sandbox account (base AMIs, a public zone for example.com) with one region's network for load balancing:
 * a VPC with an attached internet gateway, public and private subnets in two zones, an ALB security group open on
 * 80/443 and a web security group that admits port 80 from the ALB group. Clients go through the proxy, as in
 * production. Shared by the ELB and Auto Scaling tests.
 */
public class LoadBalancingFixture {
    public final String region;
    public final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    public final Ec2Client ec2;
    public final ElasticLoadBalancingV2Client elb;
    public final AutoScalingClient autoScaling;
    public final String vpcId;
    public final String publicA;
    public final String publicB;
    public final String privateA;
    public final String privateB;
    public final String albGroup;
    public final String webGroup;

    public LoadBalancingFixture() {
        this("us-east-1", "10.10");
    }

    public LoadBalancingFixture(String region, String prefix) {
        this.region = region;
        ec2 = cloud.ec2(region);
        elb = cloud.elb(region);
        autoScaling = cloud.autoScaling(region);
        vpcId = ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        publicA = subnet(prefix + ".0.0/24", region + "a");
        publicB = subnet(prefix + ".1.0/24", region + "b");
        privateA = subnet(prefix + ".10.0/24", region + "a");
        privateB = subnet(prefix + ".11.0/24", region + "b");
        albGroup = securityGroup("alb-web");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(albGroup)
                .ipPermissions(tcpFromCidr(80, "0.0.0.0/0"), tcpFromCidr(443, "0.0.0.0/0")));
        webGroup = securityGroup("web");
        allowFromGroup(webGroup, 80, albGroup);
    }

    public World world() {
        return cloud.world();
    }

    public void advance(Duration duration) {
        world().clock().advance(duration);
    }

    public String subnet(String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    public String securityGroup(String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name + " tier")).groupId();
    }

    public void allowFromGroup(String groupId, int port, String sourceGroup) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromGroup(port, sourceGroup)));
    }

    public void revokeFromGroup(String groupId, int port, String sourceGroup) {
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromGroup(port, sourceGroup)));
    }

    public static IpPermission tcpFromCidr(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    public static IpPermission tcpFromGroup(int port, String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build();
    }

    /** An Amazon Linux base image the sandbox account starts with. */
    public String baseImage() {
        return ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    }

    /** A launch template for the web tier: base image, t3.micro, the web security group. */
    public String launchTemplate(String name) {
        return launchTemplate(name, webGroup);
    }

    public String launchTemplate(String name, String securityGroup) {
        String image = baseImage();
        return ec2.createLaunchTemplate(r -> r.launchTemplateName(name).launchTemplateData(d -> d
                        .imageId(image).instanceType("t3.micro").securityGroupIds(securityGroup)))
                .launchTemplate().launchTemplateId();
    }

    public String loadBalancer(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets(publicA, publicB).securityGroups(albGroup)
                .scheme("internet-facing").type("application")).loadBalancers().get(0).loadBalancerArn();
    }

    public String targetGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(80).vpcId(vpcId).targetType("instance")
                        .healthCheckPath("/health").healthCheckIntervalSeconds(10).healthyThresholdCount(2)
                        .unhealthyThresholdCount(2).matcher(m -> m.httpCode("200")))
                .targetGroups().get(0).targetGroupArn();
    }

    public static Action forwardTo(String targetGroupArn) {
        return Action.builder().type("forward").targetGroupArn(targetGroupArn).build();
    }

    public static Action fixedResponse(String body) {
        return Action.builder().type("fixed-response").fixedResponseConfig(FixedResponseActionConfig.builder()
                .statusCode("200").contentType("text/plain").messageBody(body).build()).build();
    }

    public String httpListener(String loadBalancerArn, Action action) {
        return elb.createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol("HTTP").port(80)
                .defaultActions(action)).listeners().get(0).listenerArn();
    }

    /**
     * A certificate for {@code domain} (under example.com) that ACM has issued: requested, its validation CNAME
     * published in the sandbox's public zone, and the validation time waited out.
     */
    public String issuedCertificate(String certificateRegion, String domain) {
        return issue(certificateRegion, requestedCertificate(certificateRegion, domain));
    }

    /** Publishes a requested certificate's validation CNAME and waits until ACM has issued it. */
    public String issue(String certificateRegion, String arn) {
        AcmClient acm = cloud.acm(certificateRegion);
        DomainValidation validation = acm.describeCertificate(r -> r.certificateArn(arn)).certificate()
                .domainValidationOptions().get(0);
        Route53Client route53 = cloud.route53();
        String zoneId = HostedZones.publicZone(route53, "example.com").orElseThrow().id();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action("UPSERT")
                .resourceRecordSet(s -> s.name(validation.resourceRecord().name()).type(RRType.CNAME).ttl(300L)
                        .resourceRecords(v -> v.value(validation.resourceRecord().value()))))));
        for (int i = 0; i < 30; i++) {
            if (acm.describeCertificate(r -> r.certificateArn(arn)).certificate().statusAsString().equals("ISSUED")) {
                return arn;
            }
            advance(Duration.ofMinutes(1));
        }
        throw new AssertionError("certificate " + arn + " was not issued");
    }

    public String requestedCertificate(String certificateRegion, String domain) {
        return cloud.acm(certificateRegion).requestCertificate(r -> r.domainName(domain).validationMethod("DNS"))
                .certificateArn();
    }

    public static void assertAwsError(ThrowingCallable call, Class<? extends AwsServiceException> type, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
