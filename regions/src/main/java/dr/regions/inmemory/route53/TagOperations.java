package dr.regions.inmemory.route53;

import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;

import java.util.Map;

/** Tags on hosted zones and health checks (ResourceType {@code hostedzone} | {@code healthcheck}). */
final class TagOperations {
    /** Route 53 allows at most 10 tags per ChangeTagsForResource request (API reference, AddTags). */
    private static final int MAX_TAGS_PER_CHANGE = 10;

    private final HostedZoneOperations zones;
    private final HealthCheckOperations checks;

    TagOperations(HostedZoneOperations zones, HealthCheckOperations checks) {
        this.zones = zones;
        this.checks = checks;
    }

    ChangeTagsForResourceResponse change(ChangeTagsForResourceRequest request) {
        if (request.addTags().size() > MAX_TAGS_PER_CHANGE) {
            throw Route53Errors.constraint("addTags", request.addTags().size(),
                    "Member must have length less than or equal to " + MAX_TAGS_PER_CHANGE);
        }
        Map<String, String> tags = tagsOf(request.resourceTypeAsString(), request.resourceId());
        for (Tag tag : request.addTags()) {
            if (tag.key() == null) {
                throw Route53Errors.missing("addTags.member.key");
            }
            tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        request.removeTagKeys().forEach(tags::remove);
        return ChangeTagsForResourceResponse.builder().build();
    }

    ListTagsForResourceResponse list(ListTagsForResourceRequest request) {
        return ListTagsForResourceResponse.builder()
                .resourceTagSet(tagSet(request.resourceTypeAsString(), request.resourceId()))
                .build();
    }

    ListTagsForResourcesResponse listMany(ListTagsForResourcesRequest request) {
        return ListTagsForResourcesResponse.builder()
                .resourceTagSets(request.resourceIds().stream()
                        .map(id -> tagSet(request.resourceTypeAsString(), id))
                        .toList())
                .build();
    }

    private ResourceTagSet tagSet(String type, String id) {
        Map<String, String> tags = tagsOf(type, id);
        return ResourceTagSet.builder()
                .resourceType(type)
                .resourceId(id)
                .tags(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build();
    }

    private Map<String, String> tagsOf(String type, String id) {
        if (id == null) {
            throw Route53Errors.missing("resourceId");
        }
        if ("hostedzone".equals(type)) {
            return zones.zone(id, "resourceId").tags;
        }
        if ("healthcheck".equals(type)) {
            return checks.check(id).tags;
        }
        throw Route53Errors.constraint("resourceType", type, "Member must satisfy enum value set: [healthcheck,"
                + " hostedzone]");
    }
}
