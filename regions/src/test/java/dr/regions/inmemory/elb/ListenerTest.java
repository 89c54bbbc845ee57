package dr.regions.inmemory.elb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CertificateNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static dr.regions.inmemory.elb.LoadBalancingFixture.fixedResponse;
import static dr.regions.inmemory.elb.LoadBalancingFixture.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String lb = fx.loadBalancer("shop-web");
    private final String tg = fx.targetGroup("shop-web");

    private String https(String certificateArn) {
        return fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                        .certificates(c -> c.certificateArn(certificateArn)).defaultActions(forwardTo(tg)))
                .listeners().get(0).listenerArn();
    }

    @Test
    void anHttpsListenerNeedsACertificateAndAnHttpListenerTakesNone() {
        String certificate = fx.issuedCertificate("us-east-1", "app.example.com");

        assertAwsError(() -> fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                .defaultActions(forwardTo(tg))), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                        .certificates(c -> c.certificateArn(certificate)).defaultActions(forwardTo(tg))),
                ElasticLoadBalancingV2Exception.class, "ValidationError");

        Listener listener = fx.elb.describeListeners(r -> r.listenerArns(https(certificate))).listeners().get(0);
        assertThat(listener.certificates()).singleElement()
                .satisfies(c -> assertThat(c.certificateArn()).isEqualTo(certificate));
        assertThat(listener.sslPolicy()).isEqualTo("ELBSecurityPolicy-2016-08");
    }

    @Test
    void aCertificateNotYetIssuedIsNotFoundUntilAcmIssuesIt() {
        String pending = fx.requestedCertificate("us-east-1", "app.example.com");

        assertAwsError(() -> https(pending), CertificateNotFoundException.class, "CertificateNotFound");

        fx.issue("us-east-1", pending);
        assertThat(https(pending)).contains(":listener/app/shop-web/");
    }

    @Test
    void aCertificateOfAnotherRegionIsNotFound() {
        String oregon = fx.issuedCertificate("us-west-2", "app.example.com");

        assertAwsError(() -> https(oregon), CertificateNotFoundException.class, "CertificateNotFound");

        assertThat(https(fx.issuedCertificate("us-east-1", "app.example.com"))).isNotNull();
    }

    @Test
    void acmRefusesToDeleteACertificateAListenerUsesUntilTheListenerIsGone() {
        String certificate = fx.issuedCertificate("us-east-1", "app.example.com");
        String listener = https(certificate);

        assertThatThrownBy(() -> fx.cloud.acm("us-east-1").deleteCertificate(r -> r.certificateArn(certificate)))
                .isInstanceOf(ResourceInUseException.class);

        fx.elb.deleteListener(r -> r.listenerArn(listener));
        fx.cloud.acm("us-east-1").deleteCertificate(r -> r.certificateArn(certificate));
    }

    @Test
    void aSecondListenerOnTheSamePortIsADuplicateUnlessItHasTheSameSettings() {
        String listener = fx.httpListener(lb, forwardTo(tg));

        assertThat(fx.httpListener(lb, forwardTo(tg))).isEqualTo(listener);
        assertAwsError(() -> fx.httpListener(lb, fixedResponse("hello")),
                DuplicateListenerException.class, "DuplicateListener");

        fx.elb.deleteListener(r -> r.listenerArn(listener));
        assertThat(fx.httpListener(lb, fixedResponse("hello"))).isNotEqualTo(listener);
    }

    @Test
    void modifyingTheDefaultActionReleasesTheTargetGroup() {
        String listener = fx.httpListener(lb, forwardTo(tg));

        fx.elb.modifyListener(r -> r.listenerArn(listener).defaultActions(fixedResponse("maintenance")));

        Listener modified = fx.elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().get(0);
        assertThat(modified.defaultActions().get(0).fixedResponseConfig().messageBody()).isEqualTo("maintenance");
        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    }

    @Test
    void deletingTheLoadBalancerDeletesItsListenersAndRules() {
        String listener = fx.httpListener(lb, forwardTo(tg));
        String rule = fx.elb.createRule(r -> r.listenerArn(listener).priority(1)
                .conditions(c -> c.field("path-pattern").values("/_dr/region"))
                .actions(fixedResponse("us-east-1"))).rules().get(0).ruleArn();

        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));

        assertAwsError(() -> fx.elb.describeListeners(r -> r.listenerArns(listener)),
                ListenerNotFoundException.class, "ListenerNotFound");
        assertAwsError(() -> fx.elb.describeRules(r -> r.ruleArns(rule)), RuleNotFoundException.class, "RuleNotFound");
        fx.elb.deleteTargetGroup(r -> r.targetGroupArn(tg));
    }

    @Test
    void deletingAnUnknownListenerIsNotFound() {
        String listener = fx.httpListener(lb, forwardTo(tg));
        fx.elb.deleteListener(r -> r.listenerArn(listener));

        assertAwsError(() -> fx.elb.deleteListener(r -> r.listenerArn(listener)),
                ListenerNotFoundException.class, "ListenerNotFound");
    }

    @Test
    void anAlbListenerSpeaksHttpOrHttpsOnly() {
        assertAwsError(() -> fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("TCP").port(80)
                .defaultActions(forwardTo(tg))), ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertAwsError(() -> fx.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(70000)
                .defaultActions(forwardTo(tg))), ElasticLoadBalancingV2Exception.class, "ValidationError");
    }
}
