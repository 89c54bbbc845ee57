package dr.regions.inmemory.route53;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.EdgeFixture.Alb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drill's view of Route 53: health check status and the failover answer follow the primary ALB's reachability. */
class HealthCheckFailoverTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final int THRESHOLD = 2;

    private InMemoryCloud cloud;
    private Route53Client route53;
    private Alb primary;
    private Alb dr;
    private String healthCheckId;

    @BeforeEach
    void primaryAndDrAlbsWithAHealthCheckOnThePrimary() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        route53 = cloud.route53();
        primary = EdgeFixture.alb(cloud, "us-east-1", "dr-app", 10);
        dr = EdgeFixture.alb(cloud, "us-west-2", "dr-app", 20);
        EdgeFixture.settle(cloud);
        healthCheckId = route53.createHealthCheck(r -> r.callerReference("dr-app-primary")
                .healthCheckConfig(c -> c.type("HTTP").fullyQualifiedDomainName(primary.dnsName()).port(80)
                        .resourcePath("/_dr/region").requestInterval(10).failureThreshold(THRESHOLD)))
                .healthCheck().id();
        advance(INTERVAL.multipliedBy(3));
    }

    @Test
    void aReachablePrimaryReportsSuccessFromEveryChecker() {
        List<HealthCheckObservation> observations = status();

        assertThat(observations).hasSize(8);
        assertThat(observations).allSatisfy(o ->
                assertThat(o.statusReport().status()).isEqualTo("Success: HTTP Status Code 200, OK"));
    }

    @Test
    void revokedIngressTurnsTheCheckUnhealthyAfterIntervalTimesThresholdAndNotBefore() {
        EdgeFixture.revokeHttp(cloud, primary);

        advance(INTERVAL.multipliedBy(THRESHOLD).minusSeconds(1));
        assertThat(status()).as("one failed sample is below the threshold")
                .allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));

        advance(Duration.ofSeconds(1));
        assertThat(status()).allSatisfy(o -> assertThat(o.statusReport().status())
                .startsWith("Failure: Connection timed out"));
    }

    @Test
    void restoredIngressTurnsTheCheckHealthyAgainAfterTheSameDelay() {
        EdgeFixture.revokeHttp(cloud, primary);
        advance(Duration.ofMinutes(1));
        EdgeFixture.restoreHttp(cloud, primary);

        advance(INTERVAL);
        assertThat(status()).allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Failure"));
        advance(INTERVAL);
        assertThat(status()).allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));
    }

    @Test
    void aPathTheListenerDoesNotAnswerFailsWithItsStatusCode() {
        cloud.elb("us-east-1").deregisterTargets(r -> r.targetGroupArn(primary.targetGroupArn())
                .targets(t -> t.id(primary.instanceId()).port(80)));
        String other = route53.createHealthCheck(r -> r.callerReference("root-path")
                .healthCheckConfig(c -> c.type("HTTP").fullyQualifiedDomainName(primary.dnsName()).port(80)
                        .resourcePath("/").requestInterval(10).failureThreshold(1))).healthCheck().id();
        advance(Duration.ofMinutes(6));

        assertThat(route53.getHealthCheckStatus(r -> r.healthCheckId(other)).healthCheckObservations())
                .allSatisfy(o -> assertThat(o.statusReport().status())
                        .isEqualTo("Failure: HTTP Status Code 503, Service Unavailable"));
        assertThat(status()).as("the fixed response still answers /_dr/region")
                .allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));
    }

    /**
     * Checkers report the endpoint, not the inverted verdict: Route 53 applies Inverted on top of their reports ("If
     * you invert a health check, Route 53 considers the health check to be unhealthy when the status is healthy and
     * vice versa", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-invert.html). So
     * GetHealthCheckStatus goes on saying Success while the failover records answer with the secondary (see
     * {@code FailoverRecords}); only GetHealthCheck's Inverted tells.
     */
    @Test
    void anInvertedCheckStillHasItsCheckersReportTheEndpointAsItIs() {
        route53.updateHealthCheck(r -> r.healthCheckId(healthCheckId).inverted(true));
        advance(INTERVAL.multipliedBy(THRESHOLD));

        assertThat(status()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.statusReport().status()).isEqualTo("Success: HTTP Status Code 200, OK"));
        assertThat(route53.getHealthCheck(r -> r.healthCheckId(healthCheckId)).healthCheck().healthCheckConfig()
                .inverted()).isTrue();
    }

    @Nested
    class FailoverRecords {
        private String zoneId;

        @BeforeEach
        void apiRecordsPrimaryWithTheCheckSecondaryOnTheDrAlb() {
            zoneId = EdgeFixture.publicZoneId(cloud, SandboxAccount.PUBLIC_DOMAIN);
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                    c -> c.action(ChangeAction.CREATE).resourceRecordSet(failover("PRIMARY", primary, healthCheckId)),
                    c -> c.action(ChangeAction.CREATE).resourceRecordSet(failover("SECONDARY", dr, null)))));
        }

        private ResourceRecordSet failover(String role, Alb alb, String checkId) {
            return ResourceRecordSet.builder().name("api.example.com").type("A").setIdentifier(role.toLowerCase())
                    .failover(role).healthCheckId(checkId)
                    .aliasTarget(a -> a.hostedZoneId(alb.hostedZoneId()).dnsName(alb.dnsName())
                            .evaluateTargetHealth(true))
                    .build();
        }

        private TestDnsAnswerResponse answer() {
            return route53.testDNSAnswer(r -> r.hostedZoneId(zoneId).recordName("api.example.com").recordType("A"));
        }

        @Test
        void answersWithThePrimaryWhileItIsHealthy() {
            assertThat(answer().responseCode()).isEqualTo("NOERROR");
            assertThat(answer().recordData()).containsExactly(primary.dnsName() + ".");
        }

        @Test
        void answersWithTheSecondaryOnceTheCheckHasFailedThresholdTimes() {
            EdgeFixture.revokeHttp(cloud, primary);

            advance(INTERVAL);
            assertThat(answer().recordData()).as("detection takes interval x threshold")
                    .containsExactly(primary.dnsName() + ".");
            advance(INTERVAL);
            assertThat(answer().recordData()).containsExactly(dr.dnsName() + ".");
        }

        @Test
        void failsBackToThePrimaryWhenIngressIsRestored() {
            EdgeFixture.revokeHttp(cloud, primary);
            advance(Duration.ofMinutes(1));
            EdgeFixture.restoreHttp(cloud, primary);
            advance(INTERVAL.multipliedBy(THRESHOLD));

            assertThat(answer().recordData()).containsExactly(primary.dnsName() + ".");
        }

        @Test
        void evaluatesTargetHealthOfThePrimaryAliasTarget() {
            cloud.elb("us-east-1").deregisterTargets(r -> r.targetGroupArn(primary.targetGroupArn())
                    .targets(t -> t.id(primary.instanceId()).port(80)));
            advance(Duration.ofMinutes(6));

            assertThat(answer().recordData()).as("no healthy target behind the primary ALB")
                    .containsExactly(dr.dnsName() + ".");
        }

        /** Route 53 routes by the inverted verdict while every checker reports Success (see above for the source). */
        @Test
        void anInvertedCheckAnswersWithTheSecondaryAndDisabledInvertedToo() {
            route53.updateHealthCheck(r -> r.healthCheckId(healthCheckId).inverted(true));
            assertThat(answer().recordData()).as("in effect from the next request interval")
                    .containsExactly(primary.dnsName() + ".");
            advance(INTERVAL);

            assertThat(answer().recordData()).containsExactly(dr.dnsName() + ".");
            assertThat(status()).allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));

            route53.updateHealthCheck(r -> r.healthCheckId(healthCheckId).disabled(true));
            advance(INTERVAL);
            assertThat(answer().recordData()).as("disabled counts as healthy, then inverted: unhealthy")
                    .containsExactly(dr.dnsName() + ".");
            route53.updateHealthCheck(r -> r.healthCheckId(healthCheckId).inverted(false));
            advance(INTERVAL);
            assertThat(answer().recordData()).containsExactly(primary.dnsName() + ".");
        }

        @Test
        void anUnknownNameIsNxdomain() {
            TestDnsAnswerResponse answer = route53.testDNSAnswer(r -> r.hostedZoneId(zoneId)
                    .recordName("nothing.example.com").recordType("A"));

            assertThat(answer.responseCode()).isEqualTo("NXDOMAIN");
            assertThat(answer.recordData()).isEmpty();
        }

        @Test
        void aHealthCheckOnTheFailoverNameResolvesThroughTheRecords() {
            String byName = route53.createHealthCheck(r -> r.callerReference("by-name")
                    .healthCheckConfig(c -> c.type("HTTP").fullyQualifiedDomainName("api.example.com").port(80)
                            .resourcePath("/_dr/region").requestInterval(10).failureThreshold(1))).healthCheck().id();
            advance(INTERVAL);

            assertThat(route53.getHealthCheckStatus(r -> r.healthCheckId(byName)).healthCheckObservations())
                    .allSatisfy(o -> assertThat(o.statusReport().status()).startsWith("Success"));
        }
    }

    private List<HealthCheckObservation> status() {
        return route53.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId)).healthCheckObservations();
    }

    private void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }
}
