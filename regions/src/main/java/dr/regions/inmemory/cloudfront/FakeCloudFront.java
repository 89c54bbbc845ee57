package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.CloudFrontState;
import dr.regions.inmemory.world.CloudFrontState.Config;
import dr.regions.inmemory.world.CloudFrontState.Distribution;
import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ActiveTrustedKeyGroups;
import software.amazon.awssdk.services.cloudfront.model.ActiveTrustedSigners;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.Tags;
import software.amazon.awssdk.services.cloudfront.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.UntagResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory CloudFront service (global). Every accepted change puts the distribution InProgress and it
 * is Deployed {@link ModeledDurations#CLOUDFRONT_DEPLOY} later; every change issues a new ETag, and updates
 * and deletes must present the current one. A distribution registers its certificate and web ACL in
 * {@code world.dependencies}, so ACM and WAF refuse to delete them while it uses them.
 */
public final class FakeCloudFront extends FakeClient implements CloudFrontClient {
    static final String IN_PROGRESS = "InProgress";
    static final String DEPLOYED = "Deployed";

    private final World world;
    private final CloudFrontState state;
    private final DistributionValidator validator;

    public FakeCloudFront(World world) {
        super(SERVICE_NAME);
        this.world = world;
        this.state = world.cloudFront;
        this.validator = new DistributionValidator(world);
    }

    @Override
    public CreateDistributionResponse createDistribution(CreateDistributionRequest request) {
        Distribution distribution = create(request.distributionConfig(), Map.of());
        return CreateDistributionResponse.builder()
                .distribution(view(distribution))
                .eTag(distribution.eTag)
                .location(location(distribution))
                .build();
    }

    @Override
    public CreateDistributionWithTagsResponse createDistributionWithTags(CreateDistributionWithTagsRequest request) {
        if (request.distributionConfigWithTags() == null) {
            throw CloudFrontErrors.invalidArgument("The parameter DistributionConfigWithTags is required.");
        }
        Tags tags = request.distributionConfigWithTags().tags();
        Map<String, String> tagMap = new TreeMap<>();
        if (tags != null) {
            tags.items().forEach(t -> tagMap.put(t.key(), t.value() == null ? "" : t.value()));
        }
        Distribution distribution = create(request.distributionConfigWithTags().distributionConfig(), tagMap);
        return CreateDistributionWithTagsResponse.builder()
                .distribution(view(distribution))
                .eTag(distribution.eTag)
                .location(location(distribution))
                .build();
    }

    /** A reused caller reference is refused whatever the config (API reference, DistributionConfig). */
    private Distribution create(DistributionConfig sdkConfig, Map<String, String> tags) {
        Config config = DistributionConfigMapper.toState(sdkConfig);
        for (Distribution existing : state.distributions.values()) {
            if (existing.config.callerReference.equals(config.callerReference)) {
                throw CloudFrontErrors.distributionAlreadyExists(existing.id);
            }
        }
        validator.validate(config, null);
        Distribution distribution = new Distribution();
        distribution.id = "E" + world.ids.upper(13);
        distribution.arn = "arn:aws:cloudfront::" + World.ACCOUNT_ID + ":distribution/" + distribution.id;
        distribution.domainName = "d" + world.ids.upper(13).toLowerCase(Locale.ROOT) + ".cloudfront.net";
        distribution.config = config;
        distribution.tags.putAll(tags);
        changed(distribution);
        state.distributions.put(distribution.id, distribution);
        world.faults().created(distribution.id);
        return distribution;
    }

    /** New ETag, InProgress now and Deployed after the modeled propagation time, dependencies re-registered. */
    private void changed(Distribution distribution) {
        distribution.eTag = "E" + world.ids.upper(13);
        distribution.lastModifiedAt = world.time();
        distribution.timeline = distribution.timeline == null
                ? Timeline.startingAt(world.time(), IN_PROGRESS)
                : distribution.timeline.restart(world.time(), IN_PROGRESS);
        distribution.timeline.then(DEPLOYED, ModeledDurations.CLOUDFRONT_DEPLOY);
        world.dependencies.release(distribution.arn);
        world.dependencies.use(distribution.arn, distribution.config.viewerCertificate.acmCertificateArn,
                distribution.config.webAclId);
    }

    @Override
    public GetDistributionResponse getDistribution(GetDistributionRequest request) {
        Distribution distribution = visibleDistribution(request.id());
        return GetDistributionResponse.builder().distribution(view(distribution)).eTag(distribution.eTag).build();
    }

    @Override
    public GetDistributionConfigResponse getDistributionConfig(GetDistributionConfigRequest request) {
        Distribution distribution = visibleDistribution(request.id());
        return GetDistributionConfigResponse.builder()
                .distributionConfig(DistributionConfigMapper.toSdk(distribution.config))
                .eTag(distribution.eTag)
                .build();
    }

    @Override
    public UpdateDistributionResponse updateDistribution(UpdateDistributionRequest request) {
        Distribution distribution = distribution(request.id());
        checkIfMatch(distribution, request.ifMatch());
        Config config = DistributionConfigMapper.toState(request.distributionConfig());
        if (!config.callerReference.equals(distribution.config.callerReference)) {
            throw CloudFrontErrors.illegalUpdate("You cannot update the value of CallerReference.");
        }
        validator.validate(config, distribution);
        distribution.config = config;
        changed(distribution);
        return UpdateDistributionResponse.builder().distribution(view(distribution)).eTag(distribution.eTag).build();
    }

    /** Only a disabled distribution whose disabling has been deployed can be deleted. */
    @Override
    public DeleteDistributionResponse deleteDistribution(DeleteDistributionRequest request) {
        Distribution distribution = distribution(request.id());
        checkIfMatch(distribution, request.ifMatch());
        if (distribution.config.enabled || !DEPLOYED.equals(status(distribution))) {
            throw CloudFrontErrors.distributionNotDisabled();
        }
        state.distributions.remove(distribution.id);
        world.dependencies.release(distribution.arn);
        return DeleteDistributionResponse.builder().build();
    }

    /** Pages start after the Marker (the id of the last distribution of the previous page). */
    @Override
    public ListDistributionsResponse listDistributions(ListDistributionsRequest request) {
        int maxItems = maxItems(request.maxItems());
        List<Distribution> all = state.distributions.values().stream()
                .filter(d -> world.faults().visible(d.id))
                .toList();
        int start = 0;
        if (request.marker() != null && !request.marker().isEmpty()) {
            start = all.stream().map(d -> d.id).toList().indexOf(request.marker()) + 1;
        }
        int end = Math.min(all.size(), start + maxItems);
        List<DistributionSummary> page = all.subList(start, end).stream().map(this::summary).toList();
        boolean truncated = end < all.size();
        return ListDistributionsResponse.builder()
                .distributionList(DistributionList.builder()
                        .marker(request.marker() == null ? "" : request.marker())
                        .nextMarker(truncated ? all.get(end - 1).id : null)
                        .maxItems(maxItems)
                        .isTruncated(truncated)
                        .quantity(page.size())
                        .items(page)
                        .build())
                .build();
    }

    private static int maxItems(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw CloudFrontErrors.invalidArgument("The parameter MaxItems must be positive.");
            }
            return Math.min(parsed, 1000);
        } catch (NumberFormatException e) {
            throw CloudFrontErrors.invalidArgument("The parameter MaxItems is not a number: " + value);
        }
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        Distribution distribution = byArn(request.resource());
        return ListTagsForResourceResponse.builder()
                .tags(Tags.builder().items(distribution.tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()).build())
                .build();
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        Distribution distribution = byArn(request.resource());
        if (request.tags() == null) {
            throw CloudFrontErrors.invalidArgument("The parameter Tags is required.");
        }
        request.tags().items().forEach(t -> distribution.tags.put(t.key(), t.value() == null ? "" : t.value()));
        return TagResourceResponse.builder().build();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        Distribution distribution = byArn(request.resource());
        if (request.tagKeys() != null) {
            request.tagKeys().items().forEach(distribution.tags::remove);
        }
        return UntagResourceResponse.builder().build();
    }

    private Distribution byArn(String arn) {
        return state.distributions.values().stream()
                .filter(d -> d.arn.equals(arn))
                .findFirst()
                .orElseThrow(() -> CloudFrontErrors.noSuchResource(arn));
    }

    private Distribution distribution(String id) {
        if (id == null) {
            throw CloudFrontErrors.invalidArgument("The parameter Id is required.");
        }
        Distribution distribution = state.distributions.get(id);
        if (distribution == null) {
            throw CloudFrontErrors.noSuchDistribution(id);
        }
        return distribution;
    }

    private Distribution visibleDistribution(String id) {
        Distribution distribution = distribution(id);
        if (!world.faults().visible(distribution.id)) {
            throw CloudFrontErrors.noSuchDistribution(id);
        }
        return distribution;
    }

    private static void checkIfMatch(Distribution distribution, String ifMatch) {
        if (ifMatch == null || ifMatch.isEmpty()) {
            throw CloudFrontErrors.invalidIfMatchVersion();
        }
        if (!ifMatch.equals(distribution.eTag)) {
            throw CloudFrontErrors.preconditionFailed();
        }
    }

    private String status(Distribution distribution) {
        return distribution.timeline.stateAt(world.time());
    }

    private static String location(Distribution distribution) {
        return "https://cloudfront.amazonaws.com/2020-05-31/distribution/" + distribution.id;
    }

    private software.amazon.awssdk.services.cloudfront.model.Distribution view(Distribution distribution) {
        return software.amazon.awssdk.services.cloudfront.model.Distribution.builder()
                .id(distribution.id)
                .arn(distribution.arn)
                .status(status(distribution))
                .lastModifiedTime(distribution.lastModifiedAt)
                .inProgressInvalidationBatches(0)
                .domainName(distribution.domainName)
                .activeTrustedSigners(ActiveTrustedSigners.builder().enabled(false).quantity(0).build())
                .activeTrustedKeyGroups(ActiveTrustedKeyGroups.builder().enabled(false).quantity(0).build())
                .distributionConfig(DistributionConfigMapper.toSdk(distribution.config))
                .build();
    }

    private DistributionSummary summary(Distribution distribution) {
        DistributionConfig config = DistributionConfigMapper.toSdk(distribution.config);
        return DistributionSummary.builder()
                .id(distribution.id)
                .arn(distribution.arn)
                .eTag(distribution.eTag)
                .status(status(distribution))
                .lastModifiedTime(distribution.lastModifiedAt)
                .domainName(distribution.domainName)
                .aliases(config.aliases())
                .origins(config.origins())
                .originGroups(config.originGroups())
                .defaultCacheBehavior(config.defaultCacheBehavior())
                .cacheBehaviors(config.cacheBehaviors())
                .customErrorResponses(config.customErrorResponses())
                .comment(config.comment())
                .priceClass(config.priceClass())
                .enabled(config.enabled())
                .viewerCertificate(config.viewerCertificate())
                .restrictions(config.restrictions())
                .webACLId(config.webACLId())
                .httpVersion(config.httpVersion())
                .isIPV6Enabled(config.isIPV6Enabled())
                .staging(false)
                .build();
    }
}
