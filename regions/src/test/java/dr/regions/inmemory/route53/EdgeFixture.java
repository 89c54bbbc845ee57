package dr.regions.inmemory.route53;

import dr.regions.dns.HostedZones;
import dr.regions.inmemory.InMemoryCloud;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;

/**
 * Builds what the edge tests stand on, through the sibling fakes' SDK operations like production code would:
 * an internet-facing ALB in a region with one healthy instance behind an HTTP listener, and the
 * {@code /_dr/region} fixed response answering the region's name.
 */
public final class EdgeFixture {
    /** Long enough for the ALB to be active, the instance running and its target healthy. */
    public static final Duration SETTLE = Duration.ofMinutes(10);

    /** An ALB of the fixture and the ids a test needs to break or restore it. */
    public record Alb(String region, String arn, String dnsName, String hostedZoneId, String securityGroupId,
            String targetGroupArn, String listenerArn, String instanceId) {
    }

    private EdgeFixture() {
    }

    /** An ALB named {@code name}; {@code secondOctet} keeps the VPCs of two regions apart (10.x.0.0/16). */
    public static Alb alb(InMemoryCloud cloud, String region, String name, int secondOctet) {
        Ec2Client ec2 = cloud.ec2(region);
        String prefix = "10." + secondOctet + ".";
        String vpc = ec2.createVpc(r -> r.cidrBlock(prefix + "0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + "1.0/24")
                .availabilityZone(region + "a")).subnet().subnetId();
        String subnetB = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + "2.0/24")
                .availabilityZone(region + "b")).subnet().subnetId();
        String albGroup = ec2.createSecurityGroup(r -> r.groupName(name + "-alb").description("alb").vpcId(vpc))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(albGroup).ipPermissions(httpFromAnywhere()));
        String webGroup = ec2.createSecurityGroup(r -> r.groupName(name + "-web").description("web").vpcId(vpc))
                .groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(webGroup).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(80).toPort(80).userIdGroupPairs(g -> g.groupId(albGroup))));
        String ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String instance = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
                .subnetId(subnetA).securityGroupIds(webGroup)).instances().get(0).instanceId();

        ElasticLoadBalancingV2Client elb = cloud.elb(region);
        String targetGroup = elb.createTargetGroup(r -> r.name(name + "-tg").protocol("HTTP").port(80).vpcId(vpc)
                .targetType("instance")).targetGroups().get(0).targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(targetGroup).targets(t -> t.id(instance).port(80)));
        LoadBalancer lb = elb.createLoadBalancer(r -> r.name(name).subnets(subnetA, subnetB)
                .securityGroups(albGroup).scheme("internet-facing").type("application")).loadBalancers().get(0);
        String listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup))).listeners().get(0).listenerArn();
        elb.createRule(r -> r.listenerArn(listener).priority(1)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/_dr/region")))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                        .contentType("text/plain").messageBody(region))));
        return new Alb(region, lb.loadBalancerArn(), lb.dnsName(), lb.canonicalHostedZoneId(), albGroup,
                targetGroup, listener, instance);
    }

    public static IpPermission httpFromAnywhere() {
        return IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
    }

    /** The drill's fault: the ALB no longer admits HTTP from the internet. */
    public static void revokeHttp(InMemoryCloud cloud, Alb alb) {
        cloud.ec2(alb.region()).revokeSecurityGroupIngress(r -> r.groupId(alb.securityGroupId())
                .ipPermissions(httpFromAnywhere()));
    }

    public static void restoreHttp(InMemoryCloud cloud, Alb alb) {
        cloud.ec2(alb.region()).authorizeSecurityGroupIngress(r -> r.groupId(alb.securityGroupId())
                .ipPermissions(httpFromAnywhere()));
    }

    public static void settle(InMemoryCloud cloud) {
        cloud.world().clock().advance(SETTLE);
    }

    /** The bare id of the sandbox account's public zone for {@code domain}, found as dr finds it. */
    public static String publicZoneId(InMemoryCloud cloud, String domain) {
        return HostedZones.publicZone(cloud.route53(), domain).orElseThrow().id();
    }

    public static void change(Route53Client route53, String zoneId, ChangeAction action, ResourceRecordSet record) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.changes(c -> c.action(action).resourceRecordSet(record))));
    }

    public static ResourceRecordSet cname(String name, String value) {
        return ResourceRecordSet.builder().name(name).type("CNAME").ttl(300L)
                .resourceRecords(v -> v.value(value)).build();
    }
}
