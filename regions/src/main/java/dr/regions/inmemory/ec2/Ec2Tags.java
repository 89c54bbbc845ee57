package dr.regions.inmemory.ec2;

import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tags on EC2 resources: {@code TagSpecifications} on create, and the rules CreateTags enforces. */
final class Ec2Tags {
    /** EC2 user tag limit per resource. */
    static final int MAX_TAGS = 50;

    private Ec2Tags() {
    }

    /**
     * The tags the specifications give resources of {@code resourceType}. A specification for a type this
     * operation cannot tag is refused, as EC2 does.
     */
    static Map<String, String> fromSpecifications(List<TagSpecification> specifications, String resourceType,
            Set<String> allowedTypes) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (specifications == null) {
            return tags;
        }
        for (TagSpecification specification : specifications) {
            String type = specification.resourceTypeAsString();
            if (type == null) {
                throw Ec2Errors.missing("TagSpecification.ResourceType");
            }
            if (!allowedTypes.contains(type)) {
                throw Ec2Errors.invalidValue("'" + type
                        + "' is not a valid taggable resource type for this operation.");
            }
            if (type.equals(resourceType)) {
                put(tags, specification.tags());
            }
        }
        return tags;
    }

    static Map<String, String> fromSpecifications(List<TagSpecification> specifications, String resourceType) {
        return fromSpecifications(specifications, resourceType, Set.of(resourceType));
    }

    /** Adds {@code tags} to {@code target}, with EC2's checks on reserved keys and the per-resource limit. */
    static void put(Map<String, String> target, Collection<Tag> tags) {
        Map<String, String> result = merged(target, tags);
        target.clear();
        target.putAll(result);
    }

    /** {@code current} with {@code tags} added, checked; {@code current} itself is left as it is. */
    static Map<String, String> merged(Map<String, String> current, Collection<Tag> tags) {
        Map<String, String> result = new LinkedHashMap<>(current);
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty()) {
                throw Ec2Errors.missing("Tag.Key");
            }
            if (tag.key().startsWith("aws:")) {
                throw Ec2Errors.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
            }
            result.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        long userTags = result.keySet().stream().filter(key -> !key.startsWith("aws:")).count();
        if (userTags > MAX_TAGS) {
            throw Ec2Errors.error("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }
        return result;
    }

    static List<Tag> toSdk(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((key, value) -> out.add(Tag.builder().key(key).value(value).build()));
        return out;
    }
}
