package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.rds.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;

import java.util.Map;

/** ListTagsForResource, AddTagsToResource, RemoveTagsFromResource: by ARN, for instances, subnet groups, snapshots. */
final class RdsTagOperations {
    private final RdsContext ctx;

    RdsTagOperations(RdsContext ctx) {
        this.ctx = ctx;
    }

    ListTagsForResourceResponse list(ListTagsForResourceRequest request) {
        return ListTagsForResourceResponse.builder().tagList(RdsView.tags(tagsOf(request.resourceName()))).build();
    }

    AddTagsToResourceResponse add(AddTagsToResourceRequest request) {
        Map<String, String> tags = tagsOf(request.resourceName());
        tags.putAll(RdsTags.toMap(request.tags()));
        return AddTagsToResourceResponse.builder().build();
    }

    RemoveTagsFromResourceResponse remove(RemoveTagsFromResourceRequest request) {
        Map<String, String> tags = tagsOf(request.resourceName());
        if (request.hasTagKeys()) {
            request.tagKeys().forEach(tags::remove);
        }
        return RemoveTagsFromResourceResponse.builder().build();
    }

    /** The live tag map of the resource an ARN names, or the not-found error for its type. */
    private Map<String, String> tagsOf(String resourceName) {
        if (resourceName == null || resourceName.isBlank()) {
            throw RdsErrors.missingParameter("ResourceName");
        }
        RdsArn arn = RdsArn.parse(resourceName);
        if (arn == null) {
            throw RdsErrors.invalidParameterValue("Invalid resource name: " + resourceName);
        }
        String name = arn.name().toLowerCase();
        boolean here = arn.region().equals(ctx.region);
        switch (arn.type()) {
            case "db" -> {
                RdsState.DbInstance db = here ? ctx.state.instances.get(name) : null;
                if (db == null) {
                    throw RdsErrors.instanceNotFound(resourceName);
                }
                return db.tags;
            }
            case "subgrp" -> {
                RdsState.DbSubnetGroup group = here ? ctx.state.subnetGroups.get(name) : null;
                if (group == null) {
                    throw RdsErrors.subnetGroupNotFound(resourceName);
                }
                return group.tags;
            }
            case "snapshot" -> {
                RdsState.DbSnapshot snapshot = here ? ctx.state.snapshots.get(name) : null;
                if (snapshot == null) {
                    throw RdsErrors.snapshotNotFound(resourceName);
                }
                return snapshot.tags;
            }
            default -> throw RdsErrors.invalidParameterValue("Invalid resource name: " + resourceName);
        }
    }
}
