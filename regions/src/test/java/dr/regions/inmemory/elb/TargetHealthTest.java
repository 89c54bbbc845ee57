package dr.regions.inmemory.elb;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Duration;
import java.util.List;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static dr.regions.inmemory.elb.LoadBalancingFixture.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;

class TargetHealthTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String lb = fx.loadBalancer("shop-web");
    private final String tg = fx.targetGroup("shop-web");

    private void group(String launchTemplate, int desired) {
        fx.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName("shop-web")
                .launchTemplate(t -> t.launchTemplateId(launchTemplate)).minSize(0).maxSize(4)
                .desiredCapacity(desired).vpcZoneIdentifier(fx.privateA + "," + fx.privateB)
                .targetGroupARNs(tg).healthCheckType("ELB"));
    }

    private List<TargetHealth> health() {
        return fx.elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().stream()
                .map(TargetHealthDescription::targetHealth).toList();
    }

    private List<String> states() {
        return health().stream().map(h -> h.stateAsString() + ":" + h.reasonAsString()).toList();
    }

    private String anInstance() {
        return fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-web"))
                .autoScalingGroups().get(0).instances().get(0).instanceId();
    }

    @Test
    void targetsAreInitialUntilTheirInstancesAreInServiceAndTheChecksPassThenHealthy() {
        fx.httpListener(lb, forwardTo(tg));
        group(fx.launchTemplate("shop-web"), 2);

        assertThat(states()).containsExactly("initial:Elb.RegistrationInProgress", "initial:Elb.RegistrationInProgress");
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE);
        assertThat(states()).containsOnly("initial:Elb.InitialHealthChecking");
        fx.advance(ModeledDurations.TARGET_HEALTHY.minusSeconds(1));
        assertThat(states()).containsOnly("initial:Elb.InitialHealthChecking");
        fx.advance(Duration.ofSeconds(1));
        assertThat(states()).containsExactly("healthy:null", "healthy:null");
    }

    @Test
    void targetsOfAGroupNoListenerForwardsToAreUnused() {
        group(fx.launchTemplate("shop-web"), 1);
        fx.advance(Duration.ofMinutes(10));

        assertThat(states()).containsExactly("unused:Target.NotInUse");

        fx.httpListener(lb, forwardTo(tg));
        fx.advance(ModeledDurations.TARGET_HEALTHY);
        assertThat(states()).containsExactly("healthy:null");
    }

    @Test
    void targetsAreUnhealthyWhileTheirSecurityGroupDoesNotAdmitTheLoadBalancer() {
        String closed = fx.securityGroup("web-closed");
        fx.httpListener(lb, forwardTo(tg));
        group(fx.launchTemplate("shop-web", closed), 1);
        fx.advance(ModeledDurations.ASG_INSTANCE_IN_SERVICE.plus(ModeledDurations.TARGET_HEALTHY));

        assertThat(states()).containsExactly("unhealthy:Target.Timeout");

        fx.allowFromGroup(closed, 80, fx.albGroup);
        assertThat(states()).containsExactly("healthy:null");
        fx.revokeFromGroup(closed, 80, fx.albGroup);
        fx.ec2.authorizeSecurityGroupIngress(r -> r.groupId(closed)
                .ipPermissions(LoadBalancingFixture.tcpFromCidr(80, "10.10.0.0/16")));
        assertThat(states()).as("a CIDR covering the load balancer's subnets").containsExactly("healthy:null");
    }

    @Test
    void onlyRunningInstancesCanBeRegistered() {
        group(fx.launchTemplate("shop-web"), 1);
        String instance = anInstance();

        assertAwsError(() -> fx.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("i-0123456789abcdef0"))),
                InvalidTargetException.class, "InvalidTarget");

        fx.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(instance).port(8080)));
        assertThat(fx.elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions())
                .extracting(d -> d.target().id() + ":" + d.target().port())
                .containsExactly(instance + ":80", instance + ":8080");
    }

    @Test
    void aTargetAskedForButNotRegisteredIsReportedAsSuch() {
        TargetHealthDescription described = fx.elb.describeTargetHealth(r -> r.targetGroupArn(tg)
                .targets(t -> t.id("i-0123456789abcdef0"))).targetHealthDescriptions().get(0);

        assertThat(described.targetHealth().stateAsString()).isEqualTo("unused");
        assertThat(described.targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");
    }

    @Test
    void aDeregisteredTargetDrainsForTheDeregistrationDelayThenDisappears() {
        fx.httpListener(lb, forwardTo(tg));
        fx.elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg)
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")));
        group(fx.launchTemplate("shop-web"), 1);
        String instance = anInstance();

        fx.elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(instance)));

        assertThat(states()).containsExactly("draining:Target.DeregistrationInProgress");
        fx.advance(Duration.ofSeconds(30));
        assertThat(health()).isEmpty();
    }
}
