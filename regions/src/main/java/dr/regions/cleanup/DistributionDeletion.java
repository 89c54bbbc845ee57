package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;

import java.time.Duration;
import java.util.Set;

/**
 * A CloudFront distribution: CloudFront deletes only a distribution that is disabled and whose disabling has
 * been deployed, and each change must carry the current ETag. So: disable (UpdateDistribution with Enabled=false
 * and the config's ETag), wait until Deployed, delete with the ETag of that moment. A stale ETag (someone changed
 * it meanwhile) just means read again on the next poll.
 */
final class DistributionDeletion extends DeletionStep {
    DistributionDeletion(DeletionTarget target) {
        super(target, ModeledDurations.CLOUDFRONT_DEPLOY);
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(90);
    }

    @Override
    protected StepResult advance(StepContext context) {
        CloudFrontClient cloudFront = target().clients().cloudFront();
        GetDistributionResponse current = cloudFront.getDistribution(r -> r.id(target().id()));
        Distribution distribution = current.distribution();
        if (Boolean.TRUE.equals(distribution.distributionConfig().enabled())) {
            GetDistributionConfigResponse config = cloudFront.getDistributionConfig(r -> r.id(target().id()));
            DistributionConfig disabled = config.distributionConfig().toBuilder().enabled(false).build();
            cloudFront.updateDistribution(r -> r.id(target().id()).ifMatch(config.eTag()).distributionConfig(disabled));
            return StepResult.waiting("disabling");
        }
        if (!"Deployed".equals(distribution.status())) {
            return StepResult.waiting("disabled, " + distribution.status());
        }
        cloudFront.deleteDistribution(r -> r.id(target().id()).ifMatch(current.eTag()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("PreconditionFailed", "DistributionNotDisabled");
    }
}
