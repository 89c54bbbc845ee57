package dr.regions.inmemory.elb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTagKeysException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dr.regions.inmemory.elb.LoadBalancingFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

class ElbTagsTest {
    private final LoadBalancingFixture fx = new LoadBalancingFixture();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsGivenAtCreationAndAddedLaterAreDescribedPerResource() {
        String lb = fx.elb.createLoadBalancer(r -> r.name("shop-web").subnets(fx.publicA, fx.publicB)
                        .securityGroups(fx.albGroup).tags(tag("dr:stack", "shop"), tag("dr:role", "alb-web")))
                .loadBalancers().get(0).loadBalancerArn();
        String tg = fx.targetGroup("shop-web");

        fx.elb.addTags(r -> r.resourceArns(lb, tg).tags(tag("managed-by", "dr")));
        fx.elb.removeTags(r -> r.resourceArns(lb).tagKeys("dr:role"));

        List<TagDescription> described = fx.elb.describeTags(r -> r.resourceArns(lb, tg)).tagDescriptions();
        assertThat(described.get(0).resourceArn()).isEqualTo(lb);
        assertThat(described.get(0).tags()).extracting(Tag::key).containsExactly("dr:stack", "managed-by");
        assertThat(described.get(1).tags()).extracting(Tag::key).containsExactly("managed-by");
    }

    @Test
    void describeTagsTakesAtMostTwentyResources() {
        String lb = fx.loadBalancer("shop-web");

        assertAwsError(() -> fx.elb.describeTags(r -> r.resourceArns(Collections.nCopies(21, lb))),
                ElasticLoadBalancingV2Exception.class, "ValidationError");
        assertThat(fx.elb.describeTags(r -> r.resourceArns(Collections.nCopies(20, lb))).tagDescriptions())
                .hasSize(20);
    }

    @Test
    void aKeyTwiceInOneRequestAndMoreThanFiftyTagsAreRefused() {
        String lb = fx.loadBalancer("shop-web");

        assertAwsError(() -> fx.elb.addTags(r -> r.resourceArns(lb).tags(tag("a", "1"), tag("a", "2"))),
                DuplicateTagKeysException.class, "DuplicateTagKeys");
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList();
        fx.elb.addTags(r -> r.resourceArns(lb).tags(fifty));
        assertAwsError(() -> fx.elb.addTags(r -> r.resourceArns(lb).tags(tag("one-more", "v"))),
                TooManyTagsException.class, "TooManyTags");

        fx.elb.removeTags(r -> r.resourceArns(lb).tagKeys("k0"));
        fx.elb.addTags(r -> r.resourceArns(lb).tags(tag("one-more", "v")));
    }

    @Test
    void tagsOfAnUnknownLoadBalancerAreNotFound() {
        String lb = fx.loadBalancer("shop-web");
        fx.elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb));

        assertAwsError(() -> fx.elb.describeTags(r -> r.resourceArns(lb)),
                LoadBalancerNotFoundException.class, "LoadBalancerNotFound");
    }
}
