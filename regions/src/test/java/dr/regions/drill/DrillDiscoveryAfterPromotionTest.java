package dr.regions.drill;

import dr.core.engine.StepResult;
import dr.regions.cdn.DistributionSettings;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.promotion.OriginGroupFence;
import dr.regions.promotion.PromotionTarget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.Origins;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drill discovery finds the primary origin by the stack's regions and tags, not by its place in the origin group:
 * after a promotion the group lists DR first (the fence keeps both members, DR first: CloudFront API reference,
 * OriginGroupMembers, Items minimum 2, maximum 2), and the modeled per-request figure must still be the primary's.
 */
class DrillDiscoveryAfterPromotionTest {
    private static final Duration PRIMARY_WORST_CASE = Duration.ofSeconds(3);

    private final InMemoryCloud cloud = DrillStacks.provisioned(DrillStacks.withDomain());

    private CloudFrontClient cloudFront() {
        return cloud.cloudFront();
    }

    private String distributionId() {
        return cloudFront().listDistributions(r -> { }).distributionList().items().get(0).id();
    }

    private DistributionConfig config() {
        return cloudFront().getDistributionConfig(r -> r.id(distributionId())).distributionConfig();
    }

    private Duration discoveredWorstCase() {
        return new DrillDiscovery(cloud).discover("dr", DrillStacks.PRIMARY, DrillStacks.DR).topology()
                .cloudFrontWorstCase();
    }

    /** What promote-replica does to CloudFront: its origin-group fence, polled until the distribution is deployed. */
    private void promote() {
        OriginGroupFence fence = new OriginGroupFence(new PromotionTarget(cloud, DrillStacks.withDomain(),
                DrillStacks.DR, Optional.of(DrillStacks.PRIMARY)));
        StepResult result = fence.ensure();
        for (int polls = 0; result instanceof StepResult.Waiting waiting && polls < 100; polls++) {
            cloud.world().clock().advance(waiting.pollAfter());
            result = fence.ensure();
        }
        assertThat(result).isInstanceOf(StepResult.Done.class);
    }

    /** Gives the DR origin a slower connection than the primary's, so that taking the wrong one shows. */
    private void slowDrOrigin() {
        GetDistributionConfigResponse current = cloudFront().getDistributionConfig(r -> r.id(distributionId()));
        DistributionConfig config = current.distributionConfig();
        List<Origin> origins = config.origins().items().stream()
                .map(o -> o.id().equals(DistributionSettings.originId(DrillStacks.DR))
                        ? o.toBuilder().connectionTimeout(10).connectionAttempts(3).build() : o)
                .toList();
        cloudFront().updateDistribution(r -> r.id(distributionId()).ifMatch(current.eTag()).distributionConfig(
                config.toBuilder().origins(Origins.builder().quantity(origins.size()).items(origins).build())
                        .build()));
    }

    @Test
    void beforeAPromotionThePrimaryOriginIsTheFirstMemberAndItsFigureIsFound() {
        slowDrOrigin();

        assertThat(discoveredWorstCase()).isEqualTo(PRIMARY_WORST_CASE);
    }

    @Test
    void afterAPromotionTheGroupListsDrFirstAndTheFigureIsStillThePrimaryOrigins() {
        promote();
        slowDrOrigin();
        assertThat(config().originGroups().items().get(0).members().items().get(0).originId())
                .as("the premise: the group lists DR first").isEqualTo(DistributionSettings.originId(DrillStacks.DR));

        assertThat(discoveredWorstCase()).isEqualTo(PRIMARY_WORST_CASE);
    }

    @Test
    void withNoOriginOfThePrimaryRegionTheFigureIsUnknownRatherThanAnotherOrigins() {
        DistributionConfig config = config();
        List<Origin> drOnly = config.origins().items().stream()
                .filter(o -> o.id().equals(DistributionSettings.originId(DrillStacks.DR))).toList();

        assertThat(DrillDiscovery.worstCase(config.toBuilder().origins(Origins.builder().quantity(1).items(drOnly)
                .build()).build(), DrillStacks.PRIMARY, "elsewhere.us-east-1.elb.amazonaws.com")).isNull();
    }
}
