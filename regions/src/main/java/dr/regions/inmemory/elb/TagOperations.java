package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ElbState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DescribeTags, AddTags and RemoveTags on load balancers, target groups, listeners and rules. */
final class TagOperations {
    /** DescribeTags takes at most 20 resource ARNs (API reference, ResourceArns). */
    static final int MAX_DESCRIBE = 20;

    private final ElbState state;

    TagOperations(ElbState state) {
        this.state = state;
    }

    DescribeTagsResponse describe(DescribeTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        if (arns.size() > MAX_DESCRIBE) {
            throw ElbErrors.validation("1 validation error detected: Value at 'resourceArns' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_DESCRIBE);
        }
        List<TagDescription> descriptions = new ArrayList<>();
        for (String arn : arns) {
            descriptions.add(TagDescription.builder().resourceArn(arn).tags(ElbModel.tags(tagsOf(arn))).build());
        }
        return DescribeTagsResponse.builder().tagDescriptions(descriptions).build();
    }

    AddTagsResponse add(AddTagsRequest request) {
        if (!request.hasTags() || request.tags().isEmpty()) {
            throw ElbErrors.missing("tags");
        }
        for (String arn : resourceArns(request.resourceArns())) {
            ElbTags.add(tagsOf(arn), request.tags());
        }
        return AddTagsResponse.builder().build();
    }

    RemoveTagsResponse remove(RemoveTagsRequest request) {
        if (!request.hasTagKeys() || request.tagKeys().isEmpty()) {
            throw ElbErrors.missing("tagKeys");
        }
        for (String arn : resourceArns(request.resourceArns())) {
            request.tagKeys().forEach(tagsOf(arn)::remove);
        }
        return RemoveTagsResponse.builder().build();
    }

    private static List<String> resourceArns(List<String> arns) {
        if (arns == null || arns.isEmpty()) {
            throw ElbErrors.missing("resourceArns");
        }
        return arns;
    }

    /** The live tag map of the resource an ARN names, or the not-found error of its resource type. */
    private Map<String, String> tagsOf(String arn) {
        if (arn.contains(":loadbalancer/")) {
            ElbState.LoadBalancer lb = state.loadBalancers.get(arn);
            if (lb == null) {
                throw ElbErrors.loadBalancerNotFound("Load balancer '" + arn + "' not found");
            }
            return lb.tags;
        }
        if (arn.contains(":targetgroup/")) {
            ElbState.TargetGroup tg = state.targetGroups.get(arn);
            if (tg == null) {
                throw ElbErrors.targetGroupNotFound("Target groups '" + arn + "' not found");
            }
            return tg.tags;
        }
        if (arn.contains(":listener/")) {
            ElbState.Listener listener = state.listeners.get(arn);
            if (listener == null) {
                throw ElbErrors.listenerNotFound();
            }
            return listener.tags;
        }
        if (arn.contains(":listener-rule/")) {
            ElbState.Rule rule = state.rules.get(arn);
            if (rule == null) {
                throw ElbErrors.ruleNotFound();
            }
            return rule.tags;
        }
        throw ElbErrors.validation("'" + arn + "' is not a valid Elastic Load Balancing resource ARN");
    }
}
