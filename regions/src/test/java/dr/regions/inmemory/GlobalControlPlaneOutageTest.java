package dr.regions.inmemory;

import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.inmemory.route53.PublicResolver;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.net.UnknownHostException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * us-east-1 down takes the global services' control planes with it, not their data planes. AWS Fault Isolation
 * Boundaries, "Global services" (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/
 * global-services.html): Route 53 (public and private DNS) and CloudFront run their control planes in us-east-1 and
 * their data planes (name servers, health checkers, edge locations) across the world; WAF for CloudFront and ACM for
 * CloudFront are us-east-1 endpoints. "Do not rely on global service control planes in the recovery path."
 */
class GlobalControlPlaneOutageTest {

    private static SdkClientException networkError(Executable call) {
        return catchThrowableOfType(SdkClientException.class, call::execute);
    }

    @Nested
    class TheApis {
        private final InMemoryCloud cloud = new InMemoryCloud();

        @Test
        void usEast1DarkTakesTheRoute53CloudFrontWafAndAcmApisDownLikeANetworkError() {
            cloud.world().faults().regionUnreachable("us-east-1");

            SdkClientException route53 = networkError(() -> cloud.route53().listHostedZones());
            SdkClientException cloudFront = networkError(() -> cloud.cloudFront().listDistributions(r -> { }));
            SdkClientException waf = networkError(() -> cloud.wafv2("us-east-1")
                    .listWebACLs(r -> r.scope(Scope.CLOUDFRONT)));
            SdkClientException acm = networkError(() -> cloud.acm("us-east-1").listCertificates());

            assertThat(route53).hasMessageContaining("route53.amazonaws.com")
                    .hasCauseInstanceOf(UnknownHostException.class);
            assertThat(cloudFront).hasMessageContaining("cloudfront.amazonaws.com")
                    .hasCauseInstanceOf(UnknownHostException.class);
            assertThat(waf).hasCauseInstanceOf(UnknownHostException.class);
            assertThat(acm).hasCauseInstanceOf(UnknownHostException.class);
            assertThat(cloud.acm("us-west-2").listCertificates().certificateSummaryList()).as("ACM elsewhere").isEmpty();
            assertThat(cloud.wafv2("us-west-2").listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs()).isEmpty();
        }

        @Test
        void anotherRegionDarkLeavesTheGlobalApisUp() {
            cloud.world().faults().regionUnreachable("us-west-2");

            assertThat(cloud.route53().listHostedZones().hostedZones()).isEmpty();
            assertThat(cloud.cloudFront().listDistributions(r -> { }).distributionList()).isNotNull();
        }

        @Test
        void theApisAnswerAgainOnceUsEast1IsBack() {
            cloud.world().faults().regionUnreachable("us-east-1").regionReachable("us-east-1");

            assertThat(cloud.route53().listHostedZones().hostedZones()).isEmpty();
        }

        @Test
        void everyFailedAttemptIsStillLoggedAsACallToThatControlPlane() {
            cloud.world().faults().regionUnreachable("us-east-1");
            networkError(() -> cloud.route53().listHostedZones());

            assertThat(cloud.world().calls().all()).singleElement()
                    .satisfies(call -> assertThat(call.controlPlaneIn("us-east-1")).isTrue())
                    .satisfies(call -> assertThat(call.controlPlaneIn("us-west-2")).isFalse());
        }
    }

    /** The ready stack's primary is us-east-1: its outage is the one the README's example has to survive. */
    @Nested
    class TheDataPlanes {
        private final InMemoryCloud cloud = ReadyStack.cloud();

        @Test
        void route53HealthChecksAndDnsAnswersMoveTheApiToDrWithoutAnyCall() {
            PublicResolver resolver = new PublicResolver(cloud.world());
            String before = String.join(",", resolver.resolve("api." + ReadyStack.DOMAIN, "A").data());
            cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
            cloud.world().clock().advance(Duration.ofMinutes(2));

            PublicResolver.Answer after = resolver.resolve("api." + ReadyStack.DOMAIN, "A");

            assertThat(before).as("healthy primary").contains(ReadyStack.PRIMARY);
            assertThat(after.responseCode()).isEqualTo("NOERROR");
            assertThat(after.data()).singleElement().asString().contains("dr-alb-app", ReadyStack.DR);
            assertThat(cloud.world().route53.healthChecks.values()).allSatisfy(check ->
                    assertThat(check.sampling.healthy).as("the checkers saw the primary go").isFalse());
            assertThat(cloud.world().calls().total()).as("API calls").isZero();
        }

        @Test
        void cloudFrontKeepsServingAndFailsOverToTheDrOriginWithoutAnyCall() {
            cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);

            EdgeSimulator.EdgeResponse response = new EdgeSimulator(cloud.world())
                    .get("app." + ReadyStack.DOMAIN, "/_dr/region");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(ReadyStack.DR);
            assertThat(response.attempts()).hasSize(2);
            assertThat(cloud.world().calls().total()).as("API calls").isZero();
        }

        @Test
        void aNameNoPublicZoneHoldsDoesNotResolve() {
            assertThat(new PublicResolver(cloud.world()).resolve("db.dr.internal", "CNAME").responseCode())
                    .as("private zones are not on the public internet").isEqualTo("NXDOMAIN");
        }
    }
}
