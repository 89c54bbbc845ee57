package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.AutoScalingState;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Group tags: CreateOrUpdateTags, DeleteTags, DescribeTags, and the 50-tags-per-group limit. */
final class AsgTags {
    static final int MAX_TAGS = 50;

    private final AutoScalingState state;

    AsgTags(AutoScalingState state) {
        this.state = state;
    }

    CreateOrUpdateTagsResponse createOrUpdate(CreateOrUpdateTagsRequest request) {
        Map<AutoScalingState.Group, List<AutoScalingState.Tag>> changes = byGroup(request.tags());
        for (Map.Entry<AutoScalingState.Group, List<AutoScalingState.Tag>> change : changes.entrySet()) {
            merge(change.getKey().tags, change.getValue());
        }
        return CreateOrUpdateTagsResponse.builder().build();
    }

    DeleteTagsResponse delete(DeleteTagsRequest request) {
        Map<AutoScalingState.Group, List<AutoScalingState.Tag>> changes = byGroup(request.tags());
        for (Map.Entry<AutoScalingState.Group, List<AutoScalingState.Tag>> change : changes.entrySet()) {
            for (AutoScalingState.Tag tag : change.getValue()) {
                change.getKey().tags.removeIf(existing -> existing.key().equals(tag.key()));
            }
        }
        return DeleteTagsResponse.builder().build();
    }

    /** Filters: auto-scaling-group, key, value, propagate-at-launch (API reference, DescribeTags). */
    DescribeTagsResponse describe(DescribeTagsRequest request) {
        List<TagDescription> all = new ArrayList<>();
        for (AutoScalingState.Group group : state.groups.values()) {
            all.addAll(AsgModel.tags(group));
        }
        List<TagDescription> matching = all.stream()
                .filter(tag -> request.filters().stream().allMatch(filter -> matches(tag, filter)))
                .toList();
        TokenPage<TagDescription> page = TokenPage.of(matching, request.nextToken(), request.maxRecords(), 50, 100);
        return DescribeTagsResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    }

    private static boolean matches(TagDescription tag, Filter filter) {
        Function<TagDescription, String> field = switch (filter.name() == null ? "" : filter.name()) {
            case "auto-scaling-group" -> TagDescription::resourceId;
            case "key" -> TagDescription::key;
            case "value" -> TagDescription::value;
            case "propagate-at-launch" -> t -> String.valueOf(t.propagateAtLaunch());
            default -> throw AsgErrors.validation("Filter name '" + filter.name() + "' is not valid");
        };
        return filter.values().contains(field.apply(tag));
    }

    /** Parses create-time tags (ResourceId/ResourceType may be omitted there). */
    static List<AutoScalingState.Tag> parse(List<Tag> tags) {
        List<AutoScalingState.Tag> parsed = new ArrayList<>();
        if (tags == null) {
            return parsed;
        }
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty()) {
                throw AsgErrors.missing("tags.member.key");
            }
            parsed.add(new AutoScalingState.Tag(tag.key(), tag.value() == null ? "" : tag.value(),
                    Boolean.TRUE.equals(tag.propagateAtLaunch())));
        }
        return parsed;
    }

    /** Adds or replaces tags by key, refusing to go over the per-group limit. */
    static void merge(List<AutoScalingState.Tag> existing, List<AutoScalingState.Tag> changes) {
        Map<String, AutoScalingState.Tag> byKey = new LinkedHashMap<>();
        existing.forEach(tag -> byKey.put(tag.key(), tag));
        changes.forEach(tag -> byKey.put(tag.key(), tag));
        if (byKey.size() > MAX_TAGS) {
            throw AsgErrors.tooManyTags();
        }
        existing.clear();
        existing.addAll(byKey.values());
    }

    private Map<AutoScalingState.Group, List<AutoScalingState.Tag>> byGroup(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            throw AsgErrors.missing("tags");
        }
        Map<AutoScalingState.Group, List<AutoScalingState.Tag>> byGroup = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.resourceId() == null) {
                throw AsgErrors.missing("tags.member.resourceId");
            }
            if (tag.resourceType() != null && !tag.resourceType().equals(AsgModel.RESOURCE_TYPE)) {
                throw AsgErrors.validation("Resource type '" + tag.resourceType() + "' is not valid");
            }
            AutoScalingState.Group group = state.groups.get(tag.resourceId());
            if (group == null) {
                throw AsgErrors.validation("AutoScalingGroup not found - AutoScaling Group " + tag.resourceId()
                        + " not found");
            }
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).addAll(parse(List.of(tag)));
        }
        return byGroup;
    }
}
