package dr.regions.inmemory.elb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;

import java.util.List;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static dr.regions.inmemory.elb.LoadBalancingFixture.fixedResponse;
import static dr.regions.inmemory.elb.LoadBalancingFixture.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;

class ListenerRuleTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String lb = fx.loadBalancer("shop-app");
    private final String tg = fx.targetGroup("shop-app");
    private final String listener = fx.httpListener(lb, forwardTo(tg));

    private String regionRule(int priority) {
        return fx.elb.createRule(r -> r.listenerArn(listener).priority(priority)
                .conditions(c -> c.field("path-pattern").values("/_dr/region"))
                .actions(fixedResponse("us-east-1"))).rules().get(0).ruleArn();
    }

    private List<Rule> rules() {
        return fx.elb.describeRules(r -> r.listenerArn(listener)).rules();
    }

    @Test
    void aFixedResponseRuleAnswersTheRegionAndRulesListInPriorityOrderWithTheDefaultLast() {
        String regionRule = regionRule(10);
        fx.elb.createRule(r -> r.listenerArn(listener).priority(5)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/health")))
                .actions(fixedResponse("ok")));

        List<Rule> rules = rules();
        assertThat(rules).extracting(Rule::priority).containsExactly("5", "10", "default");
        Rule region = rules.get(1);
        assertThat(region.ruleArn()).isEqualTo(regionRule).contains(":listener-rule/app/shop-app/");
        assertThat(region.conditions().get(0).pathPatternConfig().values()).containsExactly("/_dr/region");
        assertThat(region.actions().get(0).fixedResponseConfig().contentType()).isEqualTo("text/plain");
        assertThat(region.actions().get(0).fixedResponseConfig().messageBody()).isEqualTo("us-east-1");
        assertThat(rules.get(2).isDefault()).isTrue();
        assertThat(rules.get(2).actions().get(0).targetGroupArn()).isEqualTo(tg);
    }

    @Test
    void aPriorityIsUsedOncePerListenerUntilItsRuleIsDeleted() {
        String first = regionRule(10);

        assertAwsError(() -> regionRule(10), PriorityInUseException.class, "PriorityInUse");

        fx.elb.deleteRule(r -> r.ruleArn(first));
        assertThat(regionRule(10)).isNotEqualTo(first);
        assertAwsError(() -> fx.elb.deleteRule(r -> r.ruleArn(first)), RuleNotFoundException.class, "RuleNotFound");
    }

    @Test
    void theDefaultRuleCannotBeDeleted() {
        String defaultRule = rules().get(0).ruleArn();

        assertAwsError(() -> fx.elb.deleteRule(r -> r.ruleArn(defaultRule)),
                OperationNotPermittedException.class, "OperationNotPermitted");
    }

    @Test
    void invalidPrioritiesConditionsAndResponsesAreRefused() {
        assertAwsError(() -> regionRule(0), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> regionRule(50_001), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createRule(r -> r.listenerArn(listener).priority(1)
                .actions(fixedResponse("x"))), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createRule(r -> r.listenerArn(listener).priority(1)
                        .conditions(c -> c.field("path-pattern").values("/x"))
                        .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("301")))),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createRule(r -> r.listenerArn(listener).priority(1)
                        .conditions(c -> c.field("path-pattern").values("/x"))
                        .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                                .contentType("image/png")))),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
    }

    @Test
    void aRedirectKeepsAwsDefaultsForWhatItDoesNotSet() {
        String redirect = fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(8080)
                        .defaultActions(a -> a.type("redirect").redirectConfig(c -> c.protocol("HTTPS").port("443")
                                .statusCode("HTTP_301"))))
                .listeners().get(0).listenerArn();

        var config = fx.elb.describeListeners(r -> r.listenerArns(redirect)).listeners().get(0).defaultActions()
                .get(0).redirectConfig();
        assertThat(config.host()).isEqualTo("#{host}");
        assertThat(config.path()).isEqualTo("/#{path}");
        assertThat(config.statusCodeAsString()).isEqualTo("HTTP_301");
    }
}
