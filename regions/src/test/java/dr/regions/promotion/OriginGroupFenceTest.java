package dr.regions.promotion;

import dr.core.engine.ProgressListener;
import dr.core.report.ProvisionReport;
import dr.regions.cdn.DistributionSettings;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.inmemory.cloudfront.EdgeSimulator.EdgeResponse;
import dr.regions.provision.Failover;
import dr.regions.provision.Provisioning;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web fence holds: once promoted, a 5xx from DR is not retried on the old primary (whose database is stale), and
 * a re-provision of the failed-over stack keeps it. An origin group must have exactly two members (CloudFront API
 * reference, OriginGroupMembers, https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginGroupMembers.html,
 * Items minimum 2, maximum 2), so the fence points the default behavior at the DR origin alone.
 */
class OriginGroupFenceTest {
    private static final String APP = "app." + ReadyStack.DOMAIN;
    private static final String PRIMARY_ORIGIN = DistributionSettings.originId(ReadyStack.PRIMARY);
    private static final String DR_ORIGIN = DistributionSettings.originId(ReadyStack.DR);

    private InMemoryCloud cloud;
    private PromotionTarget target;

    @BeforeEach
    void readyStack() {
        cloud = ReadyStack.cloud();
        target = new PromotionTarget(cloud, ReadyStack.spec(), ReadyStack.DR, Optional.of(ReadyStack.PRIMARY));
    }

    private EdgeResponse app() {
        return new EdgeSimulator(cloud.world()).get(APP, "/");
    }

    private DistributionConfig config() {
        String id = cloud.cloudFront().listDistributions(r -> { }).distributionList().items().get(0).id();
        return cloud.cloudFront().getDistributionConfig(r -> r.id(id)).distributionConfig();
    }

    /** DR's web load balancer has no registered targets, so it answers 503 itself. */
    private void drWebAnswers503() {
        ElasticLoadBalancingV2Client elb = cloud.elb(ReadyStack.DR);
        for (TargetGroup group : elb.describeTargetGroups(r -> { }).targetGroups()) {
            if (!group.targetGroupName().contains("web")) {
                continue;
            }
            var targets = elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn()))
                    .targetHealthDescriptions().stream().map(d -> d.target())
                    .map(t -> TargetDescription.builder().id(t.id()).port(t.port()).build()).toList();
            if (!targets.isEmpty()) {
                elb.deregisterTargets(r -> r.targetGroupArn(group.targetGroupArn()).targets(targets));
            }
        }
    }

    private void promoteAndFence() {
        DatabasePromotion promotion = new DatabasePromotion(target);
        TaskRun.untilDone(cloud, promotion::request);
        TaskRun.untilDone(cloud, promotion::awaitWritable);
        TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);
    }

    @Test
    void withTheGroupAsTheDefaultTargetA5xxFromDrGoesToTheOldPrimary() {
        TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);
        assertThat(app().originId()).isEqualTo(DR_ORIGIN);

        // The hole the fence closes: with the group alone (DR first), DR's 503 goes on to the old primary.
        var groupOnly = config();
        assertThat(groupOnly.defaultCacheBehavior().targetOriginId()).isEqualTo(DR_ORIGIN);
        String id = cloud.cloudFront().listDistributions(r -> { }).distributionList().items().get(0).id();
        var current = cloud.cloudFront().getDistributionConfig(r -> r.id(id));
        cloud.cloudFront().updateDistribution(r -> r.id(id).ifMatch(current.eTag()).distributionConfig(
                current.distributionConfig().toBuilder().defaultCacheBehavior(current.distributionConfig()
                        .defaultCacheBehavior().toBuilder().targetOriginId(DistributionSettings.ORIGIN_GROUP_ID)
                        .build()).build()));
        cloud.world().clock().advance(java.time.Duration.ofMinutes(10));
        drWebAnswers503();

        assertThat(app().originId()).isEqualTo(PRIMARY_ORIGIN);
    }

    @Test
    void afterPromotionA5xxFromDrIsNotServedFromTheOldPrimary() {
        promoteAndFence();
        assertThat(config().defaultCacheBehavior().targetOriginId()).isEqualTo(DR_ORIGIN);
        assertThat(config().originGroups().items().get(0).members().quantity()).isEqualTo(2);

        drWebAnswers503();
        EdgeResponse response = app();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.originId()).isEqualTo(DR_ORIGIN);
        assertThat(response.attempts()).extracting(EdgeSimulator.Attempt::originId).containsExactly(DR_ORIGIN);
    }

    @Test
    void aReprovisionOfTheFailedOverStackKeepsTheFence() {
        promoteAndFence();
        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.PROMOTED);

        ProvisionReport report = new Provisioning(ReadyStack.spec(), cloud, cloud.world().clock())
                .run(ProgressListener.NONE);

        assertThat(report.result().failed()).isEmpty();
        assertThat(config().defaultCacheBehavior().targetOriginId()).isEqualTo(DR_ORIGIN);
        drWebAnswers503();
        assertThat(app().attempts()).extracting(EdgeSimulator.Attempt::originId).containsExactly(DR_ORIGIN);
        cloud.world().calls().reset();
        TaskRun.untilDone(cloud, new OriginGroupFence(target)::ensure);
        assertThat(cloud.world().calls().mutating()).as("the fence found in place").isZero();
    }
}
