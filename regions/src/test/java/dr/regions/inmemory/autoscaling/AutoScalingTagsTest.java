package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.elb.LoadBalancingFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.List;
import java.util.stream.IntStream;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class AutoScalingTagsTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();
    private final String template = fx.launchTemplate("shop-web");

    private void group(String name, String stack) {
        fx.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(template)).minSize(0).maxSize(2).desiredCapacity(0)
                .vpcZoneIdentifier(fx.privateA)
                .tags(t -> t.key("dr:stack").value(stack).propagateAtLaunch(true),
                        t -> t.key("dr:role").value(name).propagateAtLaunch(true)));
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private List<String> namesMatching(Filter... filters) {
        return fx.autoScaling.describeAutoScalingGroups(r -> r.filters(filters)).autoScalingGroups().stream()
                .map(AutoScalingGroup::autoScalingGroupName).toList();
    }

    @Test
    void groupsAreFoundByTagValueTagKeyAndTagValueFilters() {
        group("shop-web", "shop");
        group("shop-app", "shop");
        group("blog-web", "blog");

        assertThat(namesMatching(filter("tag:dr:stack", "shop"))).containsExactly("shop-web", "shop-app");
        assertThat(namesMatching(filter("tag:dr:stack", "shop"), filter("tag:dr:role", "shop-app")))
                .containsExactly("shop-app");
        assertThat(namesMatching(filter("tag-key", "dr:role"))).hasSize(3);
        assertThat(namesMatching(filter("tag-value", "blog"))).containsExactly("blog-web");
        assertAwsError(() -> namesMatching(filter("no-such-filter", "x")), AutoScalingException.class,
                "ValidationError");
    }

    @Test
    void thePaginatorWalksEveryPageOfGroups() {
        IntStream.range(0, 5).forEach(i -> group("g" + i, "shop"));

        List<String> names = fx.autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(2))
                .autoScalingGroups().stream().map(AutoScalingGroup::autoScalingGroupName).toList();

        assertThat(names).containsExactly("g0", "g1", "g2", "g3", "g4");
    }

    @Test
    void tagsAreCreatedUpdatedAndDeletedByKey() {
        group("shop-web", "shop");

        fx.autoScaling.createOrUpdateTags(r -> r.tags(
                tag("shop-web", "dr:stack", "shop-2"), tag("shop-web", "managed-by", "dr")));
        fx.autoScaling.deleteTags(r -> r.tags(tag("shop-web", "dr:role", null)));

        List<TagDescription> tags = fx.autoScaling.describeTags(r -> r.filters(
                filter("auto-scaling-group", "shop-web"))).tags();
        assertThat(tags).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("dr:stack=shop-2", "managed-by=dr");
        assertAwsError(() -> fx.autoScaling.createOrUpdateTags(r -> r.tags(tag("nope", "k", "v"))),
                AutoScalingException.class, "ValidationError");
    }

    @Test
    void aGroupTakesAtMostFiftyTags() {
        group("shop-web", "shop");
        List<Tag> tags = IntStream.range(0, 48).mapToObj(i -> tag("shop-web", "k" + i, "v")).toList();
        fx.autoScaling.createOrUpdateTags(r -> r.tags(tags));

        assertAwsError(() -> fx.autoScaling.createOrUpdateTags(r -> r.tags(tag("shop-web", "one-more", "v"))),
                LimitExceededException.class, "LimitExceeded");

        fx.autoScaling.deleteTags(r -> r.tags(tag("shop-web", "k0", null)));
        fx.autoScaling.createOrUpdateTags(r -> r.tags(tag("shop-web", "one-more", "v")));
        assertThat(fx.autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames("shop-web"))
                .autoScalingGroups().get(0).tags()).hasSize(50);
    }

    private static Tag tag(String group, String key, String value) {
        return Tag.builder().resourceId(group).resourceType("auto-scaling-group").key(key).value(value)
                .propagateAtLaunch(true).build();
    }
}
