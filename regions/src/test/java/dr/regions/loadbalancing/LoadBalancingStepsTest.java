package dr.regions.loadbalancing;

import dr.regions.topology.Tier;
import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.Reachability;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.Builder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LoadBalancingStepsTest {
    private final TiersFixture fixture = new TiersFixture();

    private Map<String, String> subnetRoles(String region) {
        return fixture.ec2(region).describeSubnets().subnets().stream().collect(Collectors.toMap(Subnet::subnetId,
                s -> s.tags().stream().filter(t -> t.key().equals("dr:role")).findFirst().orElseThrow().value()));
    }

    private String groupId(String region, String role) {
        return fixture.ec2(region).describeSecurityGroups(r -> r.filters(
                f -> f.name("tag:dr:role").values(role))).securityGroups().stream()
                .map(SecurityGroup::groupId).findFirst().orElseThrow();
    }

    @Nested
    class WithoutADomain {
        private final ExecutionResult result = fixture.provision(TiersFixture.spec());

        @Test
        void everyStepSucceeds() {
            assertThat(result.failed()).as("failed steps").isEmpty();
            assertThat(result.succeeded()).isTrue();
        }

        @Test
        void eachRegionHasTwoActiveInternetFacingLoadBalancersInThePublicSubnets() {
            for (String region : TiersFixture.REGIONS) {
                assertThat(fixture.loadBalancers(region)).hasSize(2);
                for (Tier tier : Tier.values()) {
                    LoadBalancer lb = fixture.loadBalancer(region, tier);
                    assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
                    assertThat(lb.typeAsString()).isEqualTo("application");
                    assertThat(lb.state().codeAsString()).isEqualTo("active");
                    assertThat(lb.availabilityZones()).extracting(az -> subnetRoles(region).get(az.subnetId()))
                            .containsExactlyInAnyOrder("subnet-" + SubnetRole.PUBLIC_A.role(),
                                    "subnet-" + SubnetRole.PUBLIC_B.role());
                    assertThat(lb.securityGroups()).containsExactly(groupId(region, tier.loadBalancerGroup().role()));
                }
            }
        }

        @Test
        void httpListenersForwardToTheTierTargetGroup() {
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    Listener http = fixture.listener(region, tier, 80);
                    assertThat(http.protocolAsString()).isEqualTo("HTTP");
                    assertThat(http.defaultActions()).singleElement().satisfies(a -> {
                        assertThat(a.typeAsString()).isEqualTo("forward");
                        assertThat(a.targetGroupArn()).isEqualTo(fixture.targetGroup(region, tier).targetGroupArn());
                    });
                }
            }
        }

        @Test
        void targetsAreHealthyOnceTheGroupsAreInServiceAndTheHealthChecksHavePassed() {
            fixture.cloud().world().clock().advance(ModeledDurations.TARGET_HEALTHY);
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    List<TargetHealthDescription> targets = fixture.elb(region).describeTargetHealth(r -> r
                            .targetGroupArn(fixture.targetGroup(region, tier).targetGroupArn()))
                            .targetHealthDescriptions();
                    assertThat(targets).as("%s %s targets", region, tier)
                            .hasSize(fixture.group(region, tier).desiredCapacity())
                            .allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy"));
                    Reachability.Probe home = fixture.get(fixture.loadBalancer(region, tier).dnsName(), 80, false, "/");
                    assertThat(home.statusCode()).as("GET / on the %s %s load balancer", region, tier).isEqualTo(200);
                }
            }
        }

        @Test
        void theRegionPathAnswersTheRegionsNameOnEveryLoadBalancer() {
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    Reachability.Probe probe = fixture.get(fixture.loadBalancer(region, tier).dnsName(), 80, false,
                            LoadBalancingRoles.REGION_PATH);
                    assertThat(probe.statusCode()).isEqualTo(200);
                    assertThat(probe.body()).isEqualTo(region);
                    assertThat(fixture.rules(region, fixture.listener(region, tier, 80))).singleElement()
                            .satisfies(rule -> assertThat(rule.actions().get(0).fixedResponseConfig().contentType())
                                    .isEqualTo("text/plain"));
                }
            }
        }

        @Test
        void targetGroupsCheckTheSpecsPathEveryTenSecondsAndDecideAfterTwoChecks() {
            TargetGroup tg = fixture.targetGroup(TiersFixture.DR, Tier.APP);
            assertThat(tg.protocolAsString()).isEqualTo("HTTP");
            assertThat(tg.port()).isEqualTo(80);
            assertThat(tg.targetTypeAsString()).isEqualTo("instance");
            assertThat(tg.healthCheckPath()).isEqualTo(TiersFixture.spec().healthCheckPath());
            assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(10);
            assertThat(tg.healthyThresholdCount()).isEqualTo(2);
            assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
            assertThat(tg.vpcId()).isEqualTo(fixture.loadBalancer(TiersFixture.DR, Tier.APP).vpcId());
        }

        @Test
        void loadBalancerOutputsAreWhatTheEdgeNeeds() {
            for (String region : TiersFixture.REGIONS) {
                LoadBalancer lb = fixture.loadBalancer(region, Tier.APP);
                Map<String, String> outputs = result.outcome(StepKey.of(region, "alb-app")).outputs();
                assertThat(outputs).containsEntry("arn", lb.loadBalancerArn())
                        .containsEntry("dnsName", lb.dnsName())
                        .containsEntry("canonicalHostedZoneId", lb.canonicalHostedZoneId());
            }
            assertThat(result.outcome(StepKey.of(TiersFixture.PRIMARY, "alb-web")).outputs().get("canonicalHostedZoneId"))
                    .as("us-east-1's ALB zone").isEqualTo("Z35SXDOTRQ7X7K");
        }

        @Test
        void thereIsNoHttpsListenerWithoutADomain() {
            for (String region : TiersFixture.REGIONS) {
                for (Tier tier : Tier.values()) {
                    assertThat(fixture.listeners(region, tier)).extracting(Listener::port).containsExactly(80);
                }
            }
            assertThat(result.find(StepKey.of(TiersFixture.PRIMARY, "listener-app-https"))).isEmpty();
        }

        @Test
        void everyResourceCarriesTheStackTags() {
            LoadBalancer lb = fixture.loadBalancer(TiersFixture.PRIMARY, Tier.WEB);
            TargetGroup tg = fixture.targetGroup(TiersFixture.PRIMARY, Tier.WEB);
            var tags = fixture.elb(TiersFixture.PRIMARY).describeTags(r -> r.resourceArns(lb.loadBalancerArn(),
                    tg.targetGroupArn())).tagDescriptions();
            assertThat(tags.get(0).tags()).extracting(t -> t.key() + "=" + t.value())
                    .contains("dr:stack=dr", "dr:role=alb-web", "dr:region-role=primary", "managed-by=dr");
            assertThat(tags.get(1).tags()).extracting(t -> t.key() + "=" + t.value()).contains("dr:role=tg-web");
        }
    }

    @Nested
    class WithADomain {
        private final ExecutionResult result = fixture.provision(TiersFixture.spec()
                .withDomain(SandboxAccount.PUBLIC_DOMAIN));

        @Test
        void eachLoadBalancerHasAnHttpsListenerWithTheRegionsCertificateBesideTheHttpOne() {
            assertThat(result.failed()).as("failed steps").isEmpty();
            for (String region : TiersFixture.REGIONS) {
                String certificate = result.outcome(StepKey.of(region, "certificate")).outputs().get("arn");
                assertThat(certificate).contains(":" + region + ":");
                for (Tier tier : Tier.values()) {
                    assertThat(fixture.listeners(region, tier)).extracting(Listener::port)
                            .containsExactlyInAnyOrder(80, 443);
                    Listener https = fixture.listener(region, tier, 443);
                    assertThat(https.protocolAsString()).isEqualTo("HTTPS");
                    assertThat(https.certificates()).singleElement()
                            .satisfies(c -> assertThat(c.certificateArn()).isEqualTo(certificate));
                    assertThat(https.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
                    assertThat(https.defaultActions().get(0).targetGroupArn())
                            .isEqualTo(fixture.targetGroup(region, tier).targetGroupArn());
                    assertThat(fixture.listener(region, tier, 80).defaultActions().get(0).typeAsString())
                            .as("HTTP keeps forwarding for CloudFront and the health check").isEqualTo("forward");
                }
            }
        }

        @Test
        void theRegionPathAnswersOverHttpsToo() {
            for (String region : TiersFixture.REGIONS) {
                Reachability.Probe probe = fixture.get(fixture.loadBalancer(region, Tier.APP).dnsName(), 443, true,
                        LoadBalancingRoles.REGION_PATH);
                assertThat(probe.statusCode()).isEqualTo(200);
                assertThat(probe.body()).isEqualTo(region);
            }
        }
    }

    @Test
    void aHealthCheckChangedByHandIsSetBackAndReportedAsUpdate() {
        fixture.provision(TiersFixture.spec());
        String arn = fixture.targetGroup(TiersFixture.PRIMARY, Tier.WEB).targetGroupArn();
        fixture.elb(TiersFixture.PRIMARY).modifyTargetGroup(r -> r.targetGroupArn(arn).healthCheckPath("/")
                .healthyThresholdCount(5));

        ExecutionResult second = fixture.provision(TiersFixture.spec());

        assertThat(second.outcome(StepKey.of(TiersFixture.PRIMARY, "tg-web")).action()).isEqualTo(Action.UPDATE);
        TargetGroup tg = fixture.targetGroup(TiersFixture.PRIMARY, Tier.WEB);
        assertThat(tg.healthCheckPath()).isEqualTo(TiersFixture.spec().healthCheckPath());
        assertThat(tg.healthyThresholdCount()).isEqualTo(2);
    }

    @Test
    void aListenerPointedElsewhereForwardsToItsTargetGroupAgain() {
        fixture.provision(TiersFixture.spec());
        Listener http = fixture.listener(TiersFixture.DR, Tier.APP, 80);
        Builder maintenance = software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
                .type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("503"));
        fixture.elb(TiersFixture.DR).modifyListener(r -> r.listenerArn(http.listenerArn())
                .defaultActions(maintenance.build()));

        ExecutionResult second = fixture.provision(TiersFixture.spec());

        assertThat(second.outcome(StepKey.of(TiersFixture.DR, "listener-app-http")).action()).isEqualTo(Action.UPDATE);
        assertThat(fixture.listener(TiersFixture.DR, Tier.APP, 80).defaultActions().get(0).targetGroupArn())
                .isEqualTo(fixture.targetGroup(TiersFixture.DR, Tier.APP).targetGroupArn());
        assertThat(second.outcomes()).filteredOn(o -> o.action() != Action.KEEP)
                .extracting(o -> o.key().toString()).containsExactly(TiersFixture.DR + "/listener-app-http");
    }

    @Test
    void stepKeysAreThoseTheLeadAndTheEdgeExpect() {
        Set<String> roles = TiersFixture.plan(TiersFixture.spec().withDomain("example.com"), fixture.cloud()).steps()
                .stream().filter(s -> s.key().region().equals(TiersFixture.PRIMARY))
                .map(s -> s.key().role()).collect(Collectors.toSet());
        assertThat(roles).contains("tg-web", "alb-web", "listener-web-http", "listener-web-https",
                "region-rule-web-http", "region-rule-web-https", "tg-app", "alb-app", "listener-app-http",
                "listener-app-https", "region-rule-app-http", "region-rule-app-https", "lt-web", "lt-app",
                "asg-web", "asg-app");
    }
}
