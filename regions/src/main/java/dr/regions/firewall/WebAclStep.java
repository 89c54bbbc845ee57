package dr.regions.firewall;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.step.EnsureStep;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.DefaultAction;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.Tag;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WAFv2 web ACL in front of CloudFront: scope CLOUDFRONT, which exists only through the us-east-1 endpoint
 * whatever the stack's regions; default action allow, the rules of {@link WebAclRules}. Found by its name,
 * {@code <stack>-web-acl}, unique per account and scope. Rules, default action or visibility that drifted are put
 * back with UpdateWebACL and the lock token of the version read. The distribution attaches it by ARN.
 */
public final class WebAclStep extends EnsureStep {
    public static final String ROLE = "web-acl";
    public static final StepKey KEY = StepKey.global(ROLE);

    private final StackSpec spec;
    private final AwsClients clients;
    private WebACLSummary seen;

    public WebAclStep(StackSpec spec, AwsClients clients) {
        super(KEY, List.of(), "AWS::WAFv2::WebACL", ModeledDurations.IMMEDIATE);
        this.spec = spec;
        this.clients = clients;
    }

    public String name() {
        return spec.name(ROLE);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String marker = null;
        do {
            String page = marker;
            ListWebAcLsResponse response = waf().listWebACLs(r -> r.scope(Scope.CLOUDFRONT).nextMarker(page));
            for (WebACLSummary summary : response.webACLs()) {
                if (name().equals(summary.name())) {
                    seen = summary;
                    return Optional.of(summary.id());
                }
            }
            marker = response.webACLs().isEmpty() ? null : response.nextMarker();
        } while (marker != null);
        return Optional.empty();
    }

    @Override
    protected String create(StepContext context) {
        seen = waf().createWebACL(r -> r.name(name())
                .scope(Scope.CLOUDFRONT)
                .description(description())
                .defaultAction(allow())
                .rules(WebAclRules.rules(spec.stack()))
                .visibilityConfig(WebAclRules.visibility(name()))
                .tags(tags())).summary();
        return seen.id();
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        GetWebAclResponse response = waf().getWebACL(r -> r.name(name()).scope(Scope.CLOUDFRONT).id(id));
        WebACL acl = response.webACL();
        boolean changed = false;
        boolean current = acl.defaultAction() != null && acl.defaultAction().allow() != null
                && WebAclRules.same(WebAclRules.rules(spec.stack()), acl.rules())
                && WebAclRules.sameVisibility(WebAclRules.visibility(name()), acl.visibilityConfig());
        if (!current) {
            waf().updateWebACL(r -> r.name(name()).scope(Scope.CLOUDFRONT).id(id)
                    .lockToken(response.lockToken())
                    .description(description())
                    .defaultAction(allow())
                    .rules(WebAclRules.rules(spec.stack()))
                    .visibilityConfig(WebAclRules.visibility(name())));
            changed = true;
        }
        return tag(acl.arn()) | changed;
    }

    private boolean tag(String arn) {
        Map<String, String> present = new HashMap<>();
        waf().listTagsForResource(r -> r.resourceARN(arn)).tagInfoForResource().tagList()
                .forEach(t -> present.put(t.key(), t.value()));
        List<Tag> missing = tags().stream().filter(t -> !t.value().equals(present.get(t.key()))).toList();
        if (missing.isEmpty()) {
            return false;
        }
        waf().tagResource(r -> r.resourceARN(arn).tags(missing));
        return true;
    }

    /** {@code id}, {@code arn} (what CloudFront's WebACLId takes for WAFv2) and {@code name}. */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", id, "arn", seen.arn(), "name", name());
    }

    private String description() {
        return "dr stack " + spec.stack() + ": CloudFront web ACL";
    }

    private static DefaultAction allow() {
        return DefaultAction.builder().allow(a -> { }).build();
    }

    private List<Tag> tags() {
        return AwsTags.wafv2(Tags.forGlobal(spec.stack(), ROLE));
    }

    private Wafv2Client waf() {
        return clients.wafv2(Regions.GLOBAL_EDGE);
    }
}
