package dr.regions.network;

import dr.regions.aws.AwsTags;
import dr.core.model.Tags;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EC2's tag shapes: tag specifications for creates, tag filters for finds. */
public final class Ec2Tags {
    private Ec2Tags() {
    }

    public static TagSpecification specification(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(toTags(tags)).build();
    }

    public static List<Tag> toTags(Map<String, String> tags) {
        return AwsTags.ec2(tags);
    }

    public static Map<String, String> toMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            map.put(tag.key(), tag.value());
        }
        return map;
    }

    /** Filters matching one stack resource: {@code tag:dr:stack} and {@code tag:dr:role}. */
    public static List<Filter> byRole(String stack, String role) {
        return List.of(tag(Tags.STACK, stack), tag(Tags.ROLE, role));
    }

    /** Filters matching every resource of a stack. */
    public static List<Filter> byStack(String stack) {
        return List.of(tag(Tags.STACK, stack));
    }

    public static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    public static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
