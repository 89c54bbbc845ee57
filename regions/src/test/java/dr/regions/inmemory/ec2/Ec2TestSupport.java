package dr.regions.inmemory.ec2;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.World;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cloud with a client through the proxy, as production uses it, and small builders for EC2 scenarios. */
abstract class Ec2TestSupport {
    static final String REGION = "us-east-1";

    InMemoryCloud cloud = new InMemoryCloud();
    Ec2Client ec2 = cloud.ec2(REGION);

    World world() {
        return cloud.world();
    }

    void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    static void assertEc2Error(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static TagSpecification tags(String resourceType, String key, String value) {
        return TagSpecification.builder().resourceType(resourceType)
                .tags(Tag.builder().key(key).value(value).build()).build();
    }

    String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    String subnet(String vpcId, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    String attachedInternetGateway(String vpcId) {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        return igw;
    }

    String elasticIp() {
        return ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
    }

    String natGateway(String subnetId, String allocationId) {
        return ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(allocationId)).natGateway().natGatewayId();
    }

    String natState(String natId) {
        return ec2.describeNatGateways(r -> r.natGatewayIds(natId)).natGateways().get(0).stateAsString();
    }

    String securityGroup(String vpcId, String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name + " tier")).groupId();
    }

    static IpPermission tcpFromCidr(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    static IpPermission tcpFromGroup(int port, String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build();
    }

    /** An Amazon Linux base image of this cloud's region, seeded as the sandbox account does. */
    String baseImage() {
        Ec2Seed.baseImages(cloud.world());
        return ec2.describeImages(r -> r.owners("amazon").filters(filter("name", "al2023-ami-*-x86_64")))
                .images().get(0).imageId();
    }

    String instanceState(String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .state().nameAsString();
    }

    String runInstance(String imageId, String subnetId, String... groupIds) {
        return ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.micro").subnetId(subnetId)
                .securityGroupIds(groupIds).minCount(1).maxCount(1)).instances().get(0).instanceId();
    }
}
