package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");

    private List<Tag> vpcTags() {
        return ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags();
    }

    @Test
    void tagsAreAddedAndRemovedOnAnyResource() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        ec2.createTags(r -> r.resources(vpcId, subnetId).tags(t -> t.key("dr:stack").value("shop"),
                t -> t.key("Name").value("shop-vpc")));

        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:dr:stack", "shop"))).subnets()).hasSize(1);

        ec2.deleteTags(r -> r.resources(vpcId).tags(t -> t.key("Name").value("other-value")));
        assertThat(vpcTags()).hasSize(2);
        ec2.deleteTags(r -> r.resources(vpcId).tags(t -> t.key("Name")));
        assertThat(vpcTags()).extracting(Tag::key).containsExactly("dr:stack");
        ec2.deleteTags(r -> r.resources(vpcId));
        assertThat(vpcTags()).isEmpty();
    }

    @Test
    void taggingAnUnknownResourceChangesNothing() {
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId, "vpc-00000000000000000")
                .tags(t -> t.key("a").value("b"))), "InvalidVpcID.NotFound");
        assertThat(vpcTags()).as("all or nothing").isEmpty();
        assertEc2Error(() -> ec2.createTags(r -> r.resources("bogus").tags(t -> t.key("a").value("b"))),
                "InvalidID");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("sg-00000000000000000")
                .tags(t -> t.key("a").value("b"))), "InvalidGroup.NotFound");
    }

    @Test
    void reservedKeysAndTooManyTagsAreRefused() {
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("aws:owner").value("me"))),
                "InvalidParameterValue");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpcId).tags(many)), "TagLimitExceeded");
        ec2.createTags(r -> r.resources(vpcId).tags(many.subList(0, 50)));
        assertThat(vpcTags()).hasSize(50);
    }

    /**
     * A filter value is a whole, case-sensitive match ("Filter values are case-sensitive",
     * https://docs.aws.amazon.com/goto/WebAPI/ec2-2016-11-15/Filter), in which {@code *} and {@code ?} are wildcards and
     * every other character, a regex's {@code .} or {@code +} included, is itself.
     */
    @Test
    void filterValuesMatchWholeValuesWithWildcards() {
        ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("Name").value("shop.v1+blue")));

        assertThat(namedVpcs("shop.v1+blue")).containsExactly(vpcId);
        assertThat(namedVpcs("shop")).as("a literal value is not a prefix").isEmpty();
        assertThat(namedVpcs("SHOP.v1+blue")).as("case-sensitive").isEmpty();
        assertThat(namedVpcs("shopxv1+blue")).as("a dot is a dot").isEmpty();
        assertThat(namedVpcs("shop*")).containsExactly(vpcId);
        assertThat(namedVpcs("shop.v?+blue")).containsExactly(vpcId);
        assertThat(namedVpcs("*green", "shop.v1+blue")).as("any value may match").containsExactly(vpcId);
    }

    private List<String> namedVpcs(String... values) {
        return ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values(values))).vpcs().stream()
                .map(software.amazon.awssdk.services.ec2.model.Vpc::vpcId).toList();
    }
}
