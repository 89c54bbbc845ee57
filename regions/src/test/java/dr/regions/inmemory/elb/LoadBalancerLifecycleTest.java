package dr.regions.inmemory.elb;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancerLifecycleTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();

    private LoadBalancer describe(String arn) {
        return fx.elb.describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().get(0);
    }

    @Test
    void aNewApplicationLoadBalancerProvisionsThenBecomesActiveAfterTheModeledTime() {
        String arn = fx.loadBalancer("shop-web");

        LoadBalancer lb = describe(arn);
        assertThat(lb.state().codeAsString()).isEqualTo("provisioning");
        assertThat(arn).matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-web/[0-9a-f]{16}");
        assertThat(lb.dnsName()).matches("shop-web-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(lb.vpcId()).isEqualTo(fx.vpcId);
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        assertThat(lb.availabilityZones()).extracting(AvailabilityZone::zoneName)
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(lb.securityGroups()).containsExactly(fx.albGroup);

        fx.advance(ModeledDurations.ALB_PROVISION.minusSeconds(1));
        assertThat(describe(arn).state().codeAsString()).isEqualTo("provisioning");
        fx.advance(Duration.ofSeconds(1));
        assertThat(describe(arn).state().codeAsString()).isEqualTo("active");
    }

    @Test
    void theCanonicalHostedZoneIsTheRegionsAlbZone() {
        LoadBalancingFixture oregon = new LoadBalancingFixture("us-west-2", "10.20");

        LoadBalancer lb = oregon.elb.describeLoadBalancers(r -> r.loadBalancerArns(oregon.loadBalancer("dr-web")))
                .loadBalancers().get(0);

        assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z1H1FL5HABSF5");
        assertThat(lb.dnsName()).endsWith(".us-west-2.elb.amazonaws.com");
    }

    @Test
    void creatingTheSameLoadBalancerAgainReturnsTheExistingOneButDifferentSettingsAreRefused() {
        String arn = fx.loadBalancer("shop-web");

        assertThat(fx.loadBalancer("shop-web")).isEqualTo(arn);
        assertAwsError(() -> fx.elb.createLoadBalancer(r -> r.name("shop-web").subnets(fx.publicA, fx.publicB)
                        .securityGroups(fx.webGroup)),
                DuplicateLoadBalancerNameException.class, "DuplicateLoadBalancerName");

        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
        String recreated = fx.elb.createLoadBalancer(r -> r.name("shop-web").subnets(fx.publicA, fx.publicB)
                .securityGroups(fx.webGroup)).loadBalancers().get(0).loadBalancerArn();
        assertThat(recreated).isNotEqualTo(arn);
    }

    @Test
    void unknownNamesAreNotFoundAndDeletingAMissingLoadBalancerSucceeds() {
        String arn = fx.loadBalancer("shop-web");

        assertAwsError(() -> fx.elb.describeLoadBalancers(r -> r.names("shop-web", "nope")),
                LoadBalancerNotFoundException.class, "LoadBalancerNotFound");

        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn));
        assertAwsError(() -> describe(arn), LoadBalancerNotFoundException.class, "LoadBalancerNotFound");
        assertThat(fx.elb.describeLoadBalancers(r -> { }).loadBalancers()).isEmpty();
    }

    @Test
    void thePaginatorWalksEveryPage() {
        List<String> names = IntStream.range(0, 5).mapToObj(i -> "lb-" + i).toList();
        names.forEach(fx::loadBalancer);

        List<String> listed = fx.elb.describeLoadBalancersPaginator(r -> r.pageSize(2)).loadBalancers().stream()
                .map(LoadBalancer::loadBalancerName).toList();

        assertThat(listed).containsExactlyElementsOf(names);
        assertThat(fx.elb.describeLoadBalancers(r -> r.pageSize(2)).nextMarker()).isNotNull();
    }

    @Test
    void aFreshLoadBalancerIsMissedOnceWhenEventualConsistencyIsOn() {
        fx.world().faults().eventualConsistency(true);
        String arn = fx.loadBalancer("shop-web");

        assertAwsError(() -> describe(arn), LoadBalancerNotFoundException.class, "LoadBalancerNotFound");
        assertThat(describe(arn).loadBalancerArn()).isEqualTo(arn);
    }

    @Test
    void elbsOwnLookupsOfFreshSubnetsAndGroupsNeitherMissThemNorUseUpDrsMiss() {
        fx.world().faults().eventualConsistency(true);
        String subnetA = fx.subnet("10.10.2.0/24", "us-east-1a");
        String subnetB = fx.subnet("10.10.3.0/24", "us-east-1b");
        String group = fx.securityGroup("alb-fresh");

        LoadBalancer lb = fx.elb.createLoadBalancer(r -> r.name("shop-fresh").subnets(subnetA, subnetB)
                .securityGroups(group)).loadBalancers().get(0);

        assertThat(lb.availabilityZones()).extracting(AvailabilityZone::subnetId).containsExactly(subnetA, subnetB);
        assertThat(lb.securityGroups()).containsExactly(group);
        assertAwsError(() -> fx.ec2.describeSubnets(r -> r.subnetIds(subnetA)), Ec2Exception.class,
                "InvalidSubnetID.NotFound");
        assertThat(fx.ec2.describeSubnets(r -> r.subnetIds(subnetA)).subnets()).hasSize(1);
        assertAwsError(() -> fx.ec2.describeSecurityGroups(r -> r.groupIds(group)), Ec2Exception.class,
                "InvalidGroup.NotFound");
        assertThat(fx.ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups()).hasSize(1);
    }
}
