package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.cloudfront.EdgeSimulator.EdgeResponse;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.inmemory.route53.EdgeFixture.Alb;
import dr.regions.inmemory.route53.Reachability.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which origin CloudFront serves from, as a drill observes it. */
class EdgeSimulatorTest {
    private InMemoryCloud cloud;
    private CloudFrontClient cloudFront;
    private EdgeSimulator edge;
    private Alb primary;
    private Alb dr;
    private String distributionId;
    private String domain;

    @BeforeEach
    void deployedDistributionOverBothWebAlbs() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        cloudFront = cloud.cloudFront();
        edge = new EdgeSimulator(cloud.world());
        primary = EdgeFixture.alb(cloud, "us-east-1", "dr-web", 10);
        dr = EdgeFixture.alb(cloud, "us-west-2", "dr-web", 20);
        EdgeFixture.settle(cloud);
        var created = cloudFront.createDistribution(r -> r.distributionConfig(
                CloudFrontFixture.drConfig("shop", primary.dnsName(), dr.dnsName()).build())).distribution();
        distributionId = created.id();
        domain = created.domainName();
    }

    @Test
    void aDistributionThatWasNeverDeployedDoesNotAnswer() {
        assertThat(edge.get(distributionId, "/_dr/region").statusCode()).isZero();

        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        assertThat(edge.get(distributionId, "/_dr/region").statusCode()).isEqualTo(200);
    }

    @Test
    void thePrimaryOriginServesWhileItIsReachable() {
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);

        EdgeResponse response = edge.get(domain, "/_dr/region");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("us-east-1");
        assertThat(response.originId()).isEqualTo(CloudFrontFixture.PRIMARY);
        assertThat(response.elapsed()).isZero();
    }

    @Test
    void theDrOriginServesWhenThePrimaryCannotBeReachedAfterTimeoutTimesAttempts() {
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        EdgeFixture.revokeHttp(cloud, primary);

        EdgeResponse response = edge.get(distributionId, "/_dr/region");

        assertThat(response.body()).isEqualTo("us-west-2");
        assertThat(response.servedBy(dr.dnsName())).isTrue();
        assertThat(response.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(response.attempts()).extracting(EdgeSimulator.Attempt::outcome)
                .containsExactly(Outcome.CONNECTION_FAILED, Outcome.RESPONDED);
    }

    @Test
    void servingReturnsToThePrimaryOnceIngressIsRestored() {
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        EdgeFixture.revokeHttp(cloud, primary);
        EdgeFixture.restoreHttp(cloud, primary);

        assertThat(edge.get(distributionId, "/_dr/region").body()).isEqualTo("us-east-1");
    }

    @Test
    void aFailoverStatusCodeFromThePrimarySendsTheRequestToTheDrOrigin() {
        cloud.elb("us-east-1").deregisterTargets(r -> r.targetGroupArn(primary.targetGroupArn())
                .targets(t -> t.id(primary.instanceId()).port(80)));
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);

        EdgeResponse response = edge.get(distributionId, "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.originId()).isEqualTo(CloudFrontFixture.DR);
        assertThat(response.attempts().get(0).statusCode()).isEqualTo(503);
        assertThat(response.elapsed()).as("an answered request costs no connection timeout").isZero();
    }

    @Test
    void aDisabledDistributionAnswersForbidden() {
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(distributionId));
        cloudFront.updateDistribution(r -> r.id(distributionId).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()));

        assertThat(edge.get(distributionId, "/_dr/region").statusCode()).isEqualTo(403);
    }
}
