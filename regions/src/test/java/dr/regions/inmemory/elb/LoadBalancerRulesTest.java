package dr.regions.inmemory.elb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSubnetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerRulesTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();

    private String create(String name, String... subnets) {
        return fx.elb.createLoadBalancer(r -> r.name(name).subnets(subnets).securityGroups(fx.albGroup))
                .loadBalancers().get(0).loadBalancerArn();
    }

    @Test
    void aLoadBalancerInOneSubnetIsRefusedAndTwoZonesAreAccepted() {
        assertAwsError(() -> create("shop-web", fx.publicA), ElasticLoadBalancingV2Exception.class, "ValidationError");

        assertThat(create("shop-web", fx.publicA, fx.publicB)).contains(":loadbalancer/app/shop-web/");
    }

    @Test
    void twoSubnetsInTheSameZoneAreRefusedAndSubnetsInTwoZonesAreAccepted() {
        assertAwsError(() -> create("shop-web", fx.publicA, fx.privateA),
                InvalidConfigurationRequestException.class, "InvalidConfigurationRequest");

        assertThat(create("shop-web", fx.publicA, fx.privateB)).isNotNull();
    }

    @Test
    void anUnknownSubnetIsNotFound() {
        assertAwsError(() -> create("shop-web", fx.publicA, "subnet-0123456789abcdef0"),
                SubnetNotFoundException.class, "SubnetNotFound");

        assertThat(create("shop-web", fx.publicA, fx.publicB)).isNotNull();
    }

    @Test
    void anUnknownSecurityGroupIsInvalid() {
        assertAwsError(() -> fx.elb.createLoadBalancer(r -> r.name("shop-web").subnets(fx.publicA, fx.publicB)
                        .securityGroups("sg-0123456789abcdef0")),
                InvalidSecurityGroupException.class, "InvalidSecurityGroup");

        assertThat(create("shop-web", fx.publicA, fx.publicB)).isNotNull();
    }

    @Test
    void anInternetFacingLoadBalancerNeedsAnInternetGatewayOnItsVpc() {
        String vpc = fx.ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String a = fx.ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.0.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String b = fx.ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone("us-east-1b"))
                .subnet().subnetId();

        assertAwsError(() -> fx.elb.createLoadBalancer(r -> r.name("isolated").subnets(a, b)),
                InvalidSubnetException.class, "InvalidSubnet");

        String igw = fx.ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        fx.ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(fx.elb.createLoadBalancer(r -> r.name("isolated").subnets(a, b)).loadBalancers().get(0)
                .securityGroups()).as("the VPC's default group when none is named").hasSize(1);
    }

    @Test
    void ec2RefusesToDeleteTheSubnetsAndSecurityGroupsOfALiveLoadBalancer() {
        String arn = create("shop-web", fx.publicA, fx.publicB);

        assertAwsError(() -> fx.ec2.deleteSubnet(r -> r.subnetId(fx.publicA)), Ec2Exception.class,
                "DependencyViolation");
        assertAwsError(() -> fx.ec2.deleteSecurityGroup(r -> r.groupId(fx.albGroup)), Ec2Exception.class,
                "DependencyViolation");

        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
        fx.revokeFromGroup(fx.webGroup, 80, fx.albGroup);
        fx.ec2.deleteSubnet(r -> r.subnetId(fx.publicA));
        fx.ec2.deleteSecurityGroup(r -> r.groupId(fx.albGroup));
    }

    @Test
    void deletionProtectionRefusesTheDeleteUntilItIsTurnedOff() {
        String arn = create("shop-web", fx.publicA, fx.publicB);
        fx.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(arn)
                .attributes(a -> a.key("deletion_protection.enabled").value("true")));

        assertAwsError(() -> fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn)),
                OperationNotPermittedException.class, "OperationNotPermitted");

        fx.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(arn)
                .attributes(a -> a.key("deletion_protection.enabled").value("false")));
        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
        assertThat(fx.elb.describeLoadBalancers(r -> { }).loadBalancers()).isEmpty();
    }

    @Test
    void attributesHaveAwsDefaultsAndUnknownKeysAreRefused() {
        String arn = create("shop-web", fx.publicA, fx.publicB);

        assertThat(fx.elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes())
                .anySatisfy(a -> {
                    assertThat(a.key()).isEqualTo("idle_timeout.timeout_seconds");
                    assertThat(a.value()).isEqualTo("60");
                });
        assertAwsError(() -> fx.elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(arn)
                        .attributes(a -> a.key("no.such.key").value("1"))),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
    }

    @Test
    void invalidNamesAreRefused() {
        assertAwsError(() -> create("internal-web", fx.publicA, fx.publicB),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> create("-web", fx.publicA, fx.publicB),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> create("a".repeat(33), fx.publicA, fx.publicB),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
    }
}
