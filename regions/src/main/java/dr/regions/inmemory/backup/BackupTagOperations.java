package dr.regions.inmemory.backup;

import dr.regions.inmemory.backup.BackupState.Plan;
import dr.regions.inmemory.backup.BackupState.RecoveryPoint;
import dr.regions.inmemory.backup.BackupState.Vault;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.TagResourceRequest;
import software.amazon.awssdk.services.backup.model.TagResourceResponse;
import software.amazon.awssdk.services.backup.model.UntagResourceRequest;
import software.amazon.awssdk.services.backup.model.UntagResourceResponse;

import java.util.Map;

/** TagResource, UntagResource, ListTags: by ARN, for vaults, plans and recovery points of this region. */
final class BackupTagOperations {
    private final BackupContext ctx;

    BackupTagOperations(BackupContext ctx) {
        this.ctx = ctx;
    }

    TagResourceResponse tag(TagResourceRequest request) {
        tagsOf(request.resourceArn()).putAll(BackupTags.check(request.tags()));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest request) {
        Map<String, String> tags = tagsOf(request.resourceArn());
        if (request.hasTagKeyList()) {
            request.tagKeyList().forEach(tags::remove);
        }
        return UntagResourceResponse.builder().build();
    }

    ListTagsResponse list(ListTagsRequest request) {
        return ListTagsResponse.builder().tags(tagsOf(request.resourceArn())).build();
    }

    private Map<String, String> tagsOf(String arn) {
        BackupErrors.required(arn, "ResourceArn");
        for (Vault vault : ctx.state.vaults.values()) {
            if (vault.arn.equals(arn)) {
                return vault.tags;
            }
        }
        for (Plan plan : ctx.state.plans.values()) {
            if (plan.arn.equals(arn)) {
                return plan.tags;
            }
        }
        RecoveryPoint point = ctx.state.recoveryPoints.get(arn);
        if (point != null) {
            return point.tags;
        }
        throw BackupErrors.notFound("Resource " + arn + " not found.");
    }
}
