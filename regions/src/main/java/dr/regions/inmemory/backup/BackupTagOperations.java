package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.Plan;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.BackupState.Vault;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.TagResourceRequest;
import software.amazon.awssdk.services.backup.model.TagResourceResponse;
import software.amazon.awssdk.services.backup.model.UntagResourceRequest;
import software.amazon.awssdk.services.backup.model.UntagResourceResponse;

import java.util.Map;

/**
 * TagResource, UntagResource, ListTags: by ARN, for vaults, plans and recovery points of this region whose ARN is
 * AWS Backup's own ({@code arn:aws:backup:...}). A recovery point of a resource type without full AWS Backup
 * management keeps the service's ARN, e.g. {@code arn:aws:ec2:<region>::image/ami-...} for an EC2 backup, and
 * Backup's tag calls refuse it: "ARNs that do not include backup are incompatible with tagging. TagResource and
 * UntagResource with invalid ARNs will result in an error ... Invalid ARN content may look like
 * arn:aws:ec2:us-east" (API reference, TagResource, resourceArn); ListTags "only works for resource types that
 * support full Backup management" and names the same error list (API reference, ListTags). Of the errors those
 * pages list, the fake answers InvalidParameterValueException (400): the ARN is the parameter that is wrong, and
 * answering ResourceNotFoundException would let a caller take an existing AMI for a deleted one. The tags of an
 * EC2 backup live on its AMI (EC2 CreateTags / DescribeImages).
 */
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
        if (!isBackupArn(arn)) {
            throw BackupErrors.invalidParameter("Invalid ARN " + arn + ": tags are supported only on resources "
                    + "fully managed by AWS Backup, whose ARN begins arn:aws:backup.");
        }
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

    /** {@code arn:<partition>:backup:...}. */
    static boolean isBackupArn(String arn) {
        String[] parts = arn.split(":", 4);
        return parts.length == 4 && parts[0].equals("arn") && parts[2].equals("backup");
    }
}
