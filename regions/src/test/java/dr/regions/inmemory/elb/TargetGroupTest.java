package dr.regions.inmemory.elb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static dr.regions.inmemory.elb.LoadBalancingFixture.fixedResponse;
import static dr.regions.inmemory.elb.LoadBalancingFixture.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;

class TargetGroupTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();

    private TargetGroup describe(String arn) {
        return fx.elb.describeTargetGroups(r -> r.targetGroupArns(arn)).targetGroups().get(0);
    }

    @Test
    void aTargetGroupKeepsItsHealthCheckSettingsAndAwsDefaultsForTheRest() {
        String arn = fx.targetGroup("shop-web");

        TargetGroup tg = describe(arn);
        assertThat(arn).matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-web/[0-9a-f]{16}");
        assertThat(tg.healthCheckPath()).isEqualTo("/health");
        assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(tg.healthyThresholdCount()).isEqualTo(2);
        assertThat(tg.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(tg.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(tg.loadBalancerArns()).isEmpty();
        assertThat(fx.elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes())
                .anySatisfy(a -> {
                    assertThat(a.key()).isEqualTo("deregistration_delay.timeout_seconds");
                    assertThat(a.value()).isEqualTo("300");
                });
    }

    @Test
    void theSameNameWithOtherSettingsIsADuplicateButTheSameSettingsReturnTheExistingGroup() {
        String arn = fx.targetGroup("shop-web");

        assertThat(fx.targetGroup("shop-web")).isEqualTo(arn);
        assertAwsError(() -> fx.elb.createTargetGroup(r -> r.name("shop-web").protocol("HTTP").port(8080)
                        .vpcId(fx.vpcId)),
                DuplicateTargetGroupNameException.class, "DuplicateTargetGroupName");

        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(arn));
        assertThat(fx.elb.createTargetGroup(r -> r.name("shop-web").protocol("HTTP").port(8080).vpcId(fx.vpcId))
                .targetGroups().get(0).port()).isEqualTo(8080);
    }

    @Test
    void anUnknownVpcAndHealthCheckSettingsOutOfRangeAreRefused() {
        assertAwsError(() -> fx.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80)
                .vpcId("vpc-0123456789abcdef0")), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId(fx.vpcId)
                .healthCheckIntervalSeconds(1)), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId(fx.vpcId)
                .healthyThresholdCount(11)), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").vpcId(fx.vpcId)),
                ElasticLoadBalancingV2Exception.class, "ValidationError");

        assertThat(fx.targetGroup("web")).isNotNull();
    }

    @Test
    void aTargetGroupAListenerForwardsToCannotBeDeletedUntilTheListenerIsGone() {
        String lb = fx.loadBalancer("shop-web");
        String tg = fx.targetGroup("shop-web");
        String listener = fx.httpListener(lb, forwardTo(tg));

        assertAwsError(() -> fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg)),
                ResourceInUseException.class, "ResourceInUse");

        fx.elb.deleteListener(r -> r.listenerArn(listener));
        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
        assertAwsError(() -> describe(tg), TargetGroupNotFoundException.class, "TargetGroupNotFound");
        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    }

    @Test
    void aTargetGroupARuleForwardsToCannotBeDeletedUntilTheRuleIsGone() {
        String lb = fx.loadBalancer("shop-web");
        String tg = fx.targetGroup("shop-api");
        String listener = fx.httpListener(lb, fixedResponse("not here"));
        String rule = fx.elb.createRule(r -> r.listenerArn(listener).priority(10)
                .conditions(c -> c.field("path-pattern").values("/api/*"))
                .actions(forwardTo(tg))).rules().get(0).ruleArn();

        assertAwsError(() -> fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg)),
                ResourceInUseException.class, "ResourceInUse");

        fx.elb.deleteRule(r -> r.ruleArn(rule));
        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    }

    @Test
    void aTargetGroupServesOneLoadBalancerOnly() {
        String first = fx.loadBalancer("shop-web");
        String second = fx.loadBalancer("shop-app");
        String tg = fx.targetGroup("shop-web");
        String listener = fx.httpListener(first, forwardTo(tg));

        assertAwsError(() -> fx.httpListener(second, forwardTo(tg)),
                TargetGroupAssociationLimitException.class, "TargetGroupAssociationLimit");

        fx.elb.deleteListener(r -> r.listenerArn(listener));
        fx.httpListener(second, forwardTo(tg));
        assertThat(describe(tg).loadBalancerArns()).containsExactly(second);
        assertThat(fx.elb.describeTargetGroups(r -> r.loadBalancerArn(second)).targetGroups())
                .extracting(TargetGroup::targetGroupArn).containsExactly(tg);
    }

    @Test
    void modifyingTheHealthCheckKeepsWhatIsNotChanged() {
        String tg = fx.targetGroup("shop-web");

        fx.elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckPath("/ready").healthCheckIntervalSeconds(15));

        assertThat(describe(tg).healthCheckPath()).isEqualTo("/ready");
        assertThat(describe(tg).healthCheckIntervalSeconds()).isEqualTo(15);
        assertThat(describe(tg).healthyThresholdCount()).isEqualTo(2);
        assertAwsError(() -> fx.elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckTimeoutSeconds(20)),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
    }
}
