package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.route53.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionLifecycleTest {
    private InMemoryCloud cloud;
    private CloudFrontClient cloudFront;

    @BeforeEach
    void sandbox() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        cloudFront = cloud.cloudFront();
    }

    private CreateDistributionResponse create(String callerReference) {
        return cloudFront.createDistribution(r -> r.distributionConfig(CloudFrontFixture.drConfig(callerReference)
                .build()));
    }

    private String status(String id) {
        return cloudFront.getDistribution(r -> r.id(id)).distribution().status();
    }

    private void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    @Test
    void aNewDistributionIsInProgressThenDeployedAfterTheModeledPropagation() {
        CreateDistributionResponse created = create("shop");

        assertThat(created.distribution().id()).matches("E[A-Z0-9]{13}");
        assertThat(created.distribution().domainName()).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
        assertThat(created.distribution().arn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/"
                + created.distribution().id());
        assertThat(created.distribution().status()).isEqualTo("InProgress");
        advance(ModeledDurations.CLOUDFRONT_DEPLOY.minusSeconds(1));
        assertThat(status(created.distribution().id())).isEqualTo("InProgress");
        advance(Duration.ofSeconds(1));
        assertThat(status(created.distribution().id())).isEqualTo("Deployed");
    }

    @Test
    void everyUpdateGoesBackToInProgressUnderANewETag() {
        String id = create("shop").distribution().id();
        advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));

        UpdateDistributionResponse updated = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().comment("changed").build()));

        assertThat(updated.eTag()).isNotEqualTo(current.eTag());
        assertThat(updated.distribution().status()).isEqualTo("InProgress");
        assertThat(updated.distribution().distributionConfig().comment()).isEqualTo("changed");
        advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        assertThat(status(id)).isEqualTo("Deployed");
    }

    @Test
    void theConfigReadBackRoundTripsIntoAnUpdateUnchanged() {
        String id = create("shop").distribution().id();
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));

        cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig()));

        assertThat(cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig())
                .isEqualTo(current.distributionConfig());
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = create("shop").distribution().id();
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        DistributionConfig config = current.distributionConfig();

        Refusals.assertRefused(() -> cloudFront.updateDistribution(r -> r.id(id).distributionConfig(config)),
                InvalidIfMatchVersionException.class, "InvalidIfMatchVersion", 400);
        cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag()).distributionConfig(config));
        Refusals.assertRefused(() -> cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(config)), PreconditionFailedException.class, "PreconditionFailed", 412);
    }

    @Test
    void onlyADisabledAndDeployedDistributionCanBeDeleted() {
        String id = create("shop").distribution().id();
        advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        String enabledETag = cloudFront.getDistribution(r -> r.id(id)).eTag();

        Refusals.assertRefused(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(enabledETag)),
                DistributionNotDisabledException.class, "DistributionNotDisabled", 409);

        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        String disabledETag = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build())).eTag();
        Refusals.assertRefused(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(disabledETag)),
                DistributionNotDisabledException.class, "DistributionNotDisabled", 409);
        Refusals.assertRefused(() -> cloudFront.deleteDistribution(r -> r.id(id)),
                InvalidIfMatchVersionException.class, "InvalidIfMatchVersion", 400);
        Refusals.assertRefused(() -> cloudFront.deleteDistribution(r -> r.id(id).ifMatch(enabledETag)),
                PreconditionFailedException.class, "PreconditionFailed", 412);

        advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        cloudFront.deleteDistribution(r -> r.id(id).ifMatch(disabledETag));
        Refusals.assertRefused(() -> cloudFront.getDistribution(r -> r.id(id)), NoSuchDistributionException.class,
                "NoSuchDistribution", 404);
    }

    @Test
    void listingPagesAfterTheMarkerAndCarriesTheSummary() {
        for (int i = 0; i < 3; i++) {
            create("shop-" + i);
        }

        DistributionList first = cloudFront.listDistributions(r -> r.maxItems("2")).distributionList();
        DistributionList second = cloudFront.listDistributions(r -> r.maxItems("2").marker(first.nextMarker()))
                .distributionList();

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.quantity()).isEqualTo(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.nextMarker()).isNull();
        DistributionSummary summary = first.items().get(0);
        assertThat(summary.comment()).isEqualTo("dr:shop");
        assertThat(summary.originGroups().items().get(0).id()).isEqualTo(CloudFrontFixture.GROUP);
    }

    @Test
    void distributionsAreTaggedAtCreationAndAfterwards() {
        String arn = cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                        .distributionConfig(CloudFrontFixture.drConfig("shop").build())
                        .tags(t -> t.items(Tag.builder().key("dr:stack").value("shop").build()))))
                .distribution().arn();

        cloudFront.tagResource(r -> r.resource(arn).tags(t -> t.items(Tag.builder().key("temp").value("1").build())));
        cloudFront.untagResource(r -> r.resource(arn).tagKeys(k -> k.items("temp")));

        assertThat(cloudFront.listTagsForResource(r -> r.resource(arn)).tags().items())
                .containsExactly(Tag.builder().key("dr:stack").value("shop").build());
    }

    @Test
    void rightAfterCreateAGetMayMissTheDistributionOnceWhenEventualConsistencyIsOn() {
        cloud.world().faults().eventualConsistency(true);
        String id = create("shop").distribution().id();

        Refusals.assertRefused(() -> cloudFront.getDistribution(r -> r.id(id)), NoSuchDistributionException.class,
                "NoSuchDistribution", 404);
        assertThat(status(id)).isEqualTo("InProgress");
    }

    @Test
    void aDistributionKeepsItsLifecycleAcrossTheSandboxFile() {
        String id = create("shop").distribution().id();
        String eTag = cloudFront.getDistribution(r -> r.id(id)).eTag();

        InMemoryCloud resumed = new InMemoryCloud(SandboxStore.fromJson(SandboxStore.toJson(cloud.world())));
        assertThat(resumed.cloudFront().getDistribution(r -> r.id(id)).distribution().status())
                .isEqualTo("InProgress");
        resumed.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);

        assertThat(resumed.cloudFront().getDistribution(r -> r.id(id)).distribution().status()).isEqualTo("Deployed");
        assertThat(resumed.cloudFront().getDistribution(r -> r.id(id)).eTag()).isEqualTo(eTag);
        assertThat(resumed.cloudFront().getDistributionConfig(r -> r.id(id)).distributionConfig())
                .isEqualTo(cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig());
    }
}
