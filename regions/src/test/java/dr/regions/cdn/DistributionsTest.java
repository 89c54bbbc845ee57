package dr.regions.cdn;

import dr.core.model.Tags;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.ManagedPolicies;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.Tag;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Distributions}, the one lookup of the stack's CloudFront distribution, on the in-memory cloud; the odd pages
 * (no DistributionList, no Items, a truncated page without a next marker) are put in front of the fake by a wrapper,
 * since the fake answers as CloudFront does for a healthy account. One of the three former copies of this lookup
 * threw on the first and looped on the last.
 */
class DistributionsTest {
    private final InMemoryCloud cloud = new InMemoryCloud();
    private final CloudFrontClient cloudFront = cloud.cloudFront();

    @Test
    void findsTheStacksDistributionByTheCommentProvisioningGivesIt() {
        String other = create("dr/other/distribution", List.of());
        String ours = create(Distributions.comment("shop"), List.of());

        assertThat(Distributions.comment("shop")).isEqualTo("dr/shop/distribution");
        assertThat(Distributions.ofStack(cloudFront, "shop")).map(DistributionSummary::id).contains(ours);
        assertThat(Distributions.ofStack(cloudFront, "other")).map(DistributionSummary::id).contains(other);
        assertThat(Distributions.ofStack(cloudFront, "none")).isEmpty();
    }

    @Test
    void findsItByItsTagsWhenSomeoneEditedTheComment() {
        create("edited by hand", List.of(tag(Tags.STACK, "other"), tag(Tags.ROLE, Distributions.ROLE)));
        String ours = create("edited by hand", List.of(tag(Tags.STACK, "shop"), tag(Tags.ROLE, Distributions.ROLE)));
        create("edited by hand", List.of(tag(Tags.STACK, "shop"), tag(Tags.ROLE, "something-else")));

        assertThat(Distributions.ofStack(cloudFront, "shop")).map(DistributionSummary::id).contains(ours);
        assertThat(Distributions.tags(cloudFront, Distributions.ofStack(cloudFront, "shop").orElseThrow().arn()))
                .containsEntry(Tags.STACK, "shop").containsEntry(Tags.ROLE, Distributions.ROLE);
    }

    @Test
    void readsEveryPage() {
        String first = create("dr/a/distribution", List.of());
        String second = create("dr/b/distribution", List.of());
        String third = create(Distributions.comment("shop"), List.of());
        AtomicInteger calls = new AtomicInteger();
        CloudFrontClient onePerPage = answering(request -> {
            calls.incrementAndGet();
            return cloudFront.listDistributions(request.toBuilder().maxItems("1").build());
        });

        assertThat(Distributions.all(onePerPage)).extracting(DistributionSummary::id)
                .containsExactly(first, second, third);
        assertThat(calls).hasValue(3);
        assertThat(Distributions.ofStack(onePerPage, "shop")).map(DistributionSummary::id).contains(third);
    }

    @Test
    void aPageWithoutADistributionListEndsTheListingInsteadOfFailing() {
        create(Distributions.comment("shop"), List.of());
        CloudFrontClient noList = answering(request -> ListDistributionsResponse.builder().build());

        assertThat(Distributions.all(noList)).isEmpty();
        assertThat(Distributions.ofStack(noList, "shop")).isEmpty();
    }

    @Test
    void aListWithoutItemsAddsNothing() {
        // Items is optional in a DistributionList, NextMarker present only when IsTruncated is true:
        // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionList.html
        CloudFrontClient noItems = answering(request -> ListDistributionsResponse.builder()
                .distributionList(DistributionList.builder().marker("").maxItems(100).isTruncated(false).quantity(0)
                        .build()).build());

        assertThat(Distributions.all(noItems)).isEmpty();
        assertThat(Distributions.all(cloudFront)).as("the fake's fresh account").isEmpty();
    }

    @Test
    void aTruncatedPageWithoutANextMarkerEndsTheListingRatherThanReadingThePageAgain() {
        String ours = create(Distributions.comment("shop"), List.of());
        AtomicInteger calls = new AtomicInteger();
        CloudFrontClient noMarker = answering(request -> {
            calls.incrementAndGet();
            ListDistributionsResponse page = cloudFront.listDistributions(request);
            return page.toBuilder().distributionList(page.distributionList().toBuilder().isTruncated(true)
                    .nextMarker("").build()).build();
        });

        assertThat(Distributions.ofStack(noMarker, "shop")).map(DistributionSummary::id).contains(ours);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDistributionWithoutAliasesHasNone() {
        create(Distributions.comment("shop"), List.of());

        assertThat(Distributions.aliases(Distributions.ofStack(cloudFront, "shop").orElseThrow())).isEmpty();
    }

    private String create(String comment, List<Tag> tags) {
        DistributionConfig config = DistributionConfig.builder()
                .callerReference(comment + "/" + System.nanoTime())
                .comment(comment)
                .enabled(true)
                .origins(o -> o.quantity(1).items(i -> i.id("web").domainName("web.example.net")
                        .customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy("http-only"))))
                .defaultCacheBehavior(b -> b.targetOriginId("web").viewerProtocolPolicy("redirect-to-https")
                        .cachePolicyId(ManagedPolicies.CACHING_DISABLED))
                .build();
        if (tags.isEmpty()) {
            return cloudFront.createDistribution(r -> r.distributionConfig(config)).distribution().id();
        }
        return cloudFront.createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c.distributionConfig(config)
                .tags(t -> t.items(tags)))).distribution().id();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** The in-memory CloudFront, but ListDistributions answers as {@code pages} says. */
    private CloudFrontClient answering(Function<ListDistributionsRequest, ListDistributionsResponse> pages) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof Consumer<?>) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("listDistributions") && args != null
                    && args[0] instanceof ListDistributionsRequest request) {
                return pages.apply(request);
            }
            try {
                return method.invoke(cloudFront, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (CloudFrontClient) Proxy.newProxyInstance(CloudFrontClient.class.getClassLoader(),
                new Class<?>[] {CloudFrontClient.class}, handler);
    }
}
