package dr.regions.discovery;

import dr.core.model.Regions;
import dr.regions.cdn.Distributions;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's CloudFront distributions (ListDistributions, then ListTagsForResource each: CloudFront cannot filter
 * by tag) and its CLOUDFRONT-scope web ACLs, which live behind the us-east-1 WAFv2 endpoint whatever the stack's
 * regions are.
 */
final class EdgeReader {
    private final CloudFrontClient cloudFront;
    private final Wafv2Client waf;
    private final StackTag stack;

    EdgeReader(CloudFrontClient cloudFront, Wafv2Client edgeWaf, StackTag stack) {
        this.cloudFront = cloudFront;
        this.waf = edgeWaf;
        this.stack = stack;
    }

    List<StackResource> distributions() {
        List<StackResource> found = new ArrayList<>();
        for (DistributionSummary summary : Distributions.all(cloudFront)) {
            Map<String, String> tags = Distributions.tags(cloudFront, summary.arn());
            if (!stack.marks(tags)) {
                continue;
            }
            List<String> aliases = Distributions.aliases(summary);
            found.add(StackResource.of(ResourceKind.DISTRIBUTION, StackResource.GLOBAL, summary.id(), tags)
                    .state(summary.status()).with(Attributes.ARN, summary.arn())
                    .with(Attributes.ENABLED, summary.enabled()).with(Attributes.DNS_NAME, summary.domainName())
                    .with(Attributes.ALIASES, aliases.isEmpty() ? null : String.join(",", aliases))
                    .with(Attributes.WEB_ACL, summary.webACLId() == null || summary.webACLId().isEmpty()
                            ? null : summary.webACLId())
                    .build());
        }
        return found;
    }

    List<StackResource> webAcls() {
        List<StackResource> found = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            ListWebAcLsResponse page = waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT).nextMarker(current));
            for (WebACLSummary acl : page.webACLs()) {
                Map<String, String> tags = new LinkedHashMap<>();
                var info = waf.listTagsForResource(r -> r.resourceARN(acl.arn())).tagInfoForResource();
                if (info != null) {
                    info.tagList().forEach(tag -> tags.put(tag.key(), tag.value()));
                }
                if (stack.marks(tags)) {
                    found.add(StackResource.of(ResourceKind.WEB_ACL, StackResource.GLOBAL, acl.id(), tags)
                            .with(Attributes.NAME, acl.name()).with(Attributes.ARN, acl.arn())
                            .with(Attributes.SCOPE, Scope.CLOUDFRONT.toString())
                            .with(Attributes.API_REGION, Regions.GLOBAL_EDGE).build());
                }
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return found;
    }
}
