package dr.regions.inmemory.wafv2;

import dr.core.model.Regions;
import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.Wafv2State;
import dr.regions.inmemory.world.Wafv2State.WebAcl;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.CreateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.CreateWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.DeleteWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.DeleteWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.GetWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.wafv2.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsRequest;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.ParameterExceptionField;
import software.amazon.awssdk.services.wafv2.model.Tag;
import software.amazon.awssdk.services.wafv2.model.TagInfoForResource;
import software.amazon.awssdk.services.wafv2.model.TagResourceRequest;
import software.amazon.awssdk.services.wafv2.model.TagResourceResponse;
import software.amazon.awssdk.services.wafv2.model.UntagResourceRequest;
import software.amazon.awssdk.services.wafv2.model.UntagResourceResponse;
import software.amazon.awssdk.services.wafv2.model.UpdateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.UpdateWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.util.List;

/**
 * The in-memory WAFv2 service of one region. CLOUDFRONT-scope web ACLs exist only through the us-east-1
 * client (WAF Developer Guide: "for CloudFront, the Region is hard-coded to us-east-1"); any other region
 * refuses the scope. Every change issues a new lock token and changes must present the current one; a web
 * ACL a CloudFront distribution uses ({@code world.dependencies}) cannot be deleted.
 */
public final class FakeWafv2 extends FakeClient implements Wafv2Client {
    private static final String REGIONAL = "REGIONAL";
    private static final String CLOUDFRONT = "CLOUDFRONT";

    private final World world;
    private final String region;
    private final Wafv2State state;

    public FakeWafv2(World world, String region) {
        super(SERVICE_NAME);
        this.world = world;
        this.region = region;
        this.state = world.region(region).wafv2;
    }

    @Override
    public CreateWebAclResponse createWebACL(CreateWebAclRequest request) {
        String scope = scope(request.scopeAsString());
        WebAclMapper.checkName(request.name());
        boolean duplicate = state.webAcls.values().stream()
                .anyMatch(a -> a.scope.equals(scope) && a.name.equals(request.name()));
        if (duplicate) {
            throw WafErrors.duplicate();
        }
        WebAcl acl = new WebAcl();
        acl.defaultAction = WebAclMapper.defaultAction(request.defaultAction());
        acl.visibility = WebAclMapper.visibility(request.visibilityConfig(), "webACL");
        acl.rules = WebAclMapper.rules(request.rules());
        acl.id = world.ids.uuid();
        acl.name = request.name();
        acl.scope = scope;
        acl.description = request.description();
        acl.arn = world.arn("wafv2", region,
                (scope.equals(CLOUDFRONT) ? "global" : "regional") + "/webacl/" + acl.name + "/" + acl.id);
        acl.lockToken = world.ids.uuid();
        acl.createdAt = world.time();
        request.tags().forEach(t -> acl.tags.put(t.key(), t.value()));
        state.webAcls.put(acl.id, acl);
        world.faults().created(acl.id);
        return CreateWebAclResponse.builder().summary(summary(acl)).build();
    }

    @Override
    public GetWebAclResponse getWebACL(GetWebAclRequest request) {
        WebAcl acl = request.arn() != null ? byArn(request.arn())
                : find(request.name(), request.scopeAsString(), request.id());
        if (!world.faults().visible(acl.id)) {
            throw WafErrors.nonexistent();
        }
        return GetWebAclResponse.builder().webACL(WebAclMapper.toSdk(acl)).lockToken(acl.lockToken).build();
    }

    @Override
    public ListWebAcLsResponse listWebACLs(ListWebAcLsRequest request) {
        String scope = scope(request.scopeAsString());
        int limit = request.limit() == null ? 100 : request.limit();
        if (limit < 1 || limit > 100) {
            throw WafErrors.invalidParameter(ParameterExceptionField.ENTITY_LIMIT, String.valueOf(limit),
                    "The limit must be between 1 and 100.");
        }
        List<WebAcl> all = state.webAcls.values().stream()
                .filter(a -> a.scope.equals(scope) && world.faults().visible(a.id))
                .toList();
        int start = 0;
        if (request.nextMarker() != null) {
            start = all.stream().map(a -> a.id).toList().indexOf(request.nextMarker());
            if (start < 0) {
                throw WafErrors.invalidParameter(ParameterExceptionField.ENTITY_LIMIT, request.nextMarker(),
                        "The marker is not valid.");
            }
        }
        int end = Math.min(all.size(), start + limit);
        return ListWebAcLsResponse.builder()
                .webACLs(all.subList(start, end).stream().map(FakeWafv2::summary).toList())
                .nextMarker(end < all.size() ? all.get(end).id : null)
                .build();
    }

    @Override
    public UpdateWebAclResponse updateWebACL(UpdateWebAclRequest request) {
        WebAcl acl = find(request.name(), request.scopeAsString(), request.id());
        checkLockToken(acl, request.lockToken());
        String defaultAction = WebAclMapper.defaultAction(request.defaultAction());
        var visibility = WebAclMapper.visibility(request.visibilityConfig(), "webACL");
        var rules = WebAclMapper.rules(request.rules());
        acl.defaultAction = defaultAction;
        acl.visibility = visibility;
        acl.rules = rules;
        acl.description = request.description();
        acl.lockToken = world.ids.uuid();
        return UpdateWebAclResponse.builder().nextLockToken(acl.lockToken).build();
    }

    @Override
    public DeleteWebAclResponse deleteWebACL(DeleteWebAclRequest request) {
        WebAcl acl = find(request.name(), request.scopeAsString(), request.id());
        checkLockToken(acl, request.lockToken());
        if (world.dependencies.inUse(acl.arn)) {
            throw WafErrors.associated();
        }
        state.webAcls.remove(acl.id);
        return DeleteWebAclResponse.builder().build();
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        WebAcl acl = byArn(request.resourceARN());
        if (request.tags().isEmpty()) {
            throw WafErrors.invalidParameter(ParameterExceptionField.TAGS, "Tags", "At least one tag is required.");
        }
        request.tags().forEach(t -> acl.tags.put(t.key(), t.value()));
        return TagResourceResponse.builder().build();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        WebAcl acl = byArn(request.resourceARN());
        request.tagKeys().forEach(acl.tags::remove);
        return UntagResourceResponse.builder().build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        WebAcl acl = byArn(request.resourceARN());
        return ListTagsForResourceResponse.builder()
                .tagInfoForResource(TagInfoForResource.builder()
                        .resourceARN(acl.arn)
                        .tagList(acl.tags.entrySet().stream()
                                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                                .toList())
                        .build())
                .build();
    }

    /** REGIONAL anywhere; CLOUDFRONT only on the us-east-1 endpoint. */
    private String scope(String scope) {
        if (scope == null) {
            throw WafErrors.invalidParameter(ParameterExceptionField.SCOPE_VALUE, "null", "The scope is not valid.");
        }
        boolean valid = scope.equals(REGIONAL) || (scope.equals(CLOUDFRONT) && region.equals(Regions.GLOBAL_EDGE));
        if (!valid) {
            throw WafErrors.invalidScope(scope);
        }
        return scope;
    }

    private WebAcl find(String name, String scope, String id) {
        String checkedScope = scope(scope);
        if (id == null || name == null) {
            throw WafErrors.nonexistent();
        }
        WebAcl acl = state.webAcls.get(id);
        if (acl == null || !acl.scope.equals(checkedScope) || !acl.name.equals(name)) {
            throw WafErrors.nonexistent();
        }
        return acl;
    }

    private WebAcl byArn(String arn) {
        if (arn == null) {
            throw WafErrors.invalidParameter(ParameterExceptionField.RESOURCE_ARN, "null", "The ARN is not valid.");
        }
        return state.webAcls.values().stream()
                .filter(a -> a.arn.equals(arn))
                .findFirst()
                .orElseThrow(WafErrors::nonexistent);
    }

    private static void checkLockToken(WebAcl acl, String lockToken) {
        if (lockToken == null || !lockToken.equals(acl.lockToken)) {
            throw WafErrors.optimisticLock();
        }
    }

    private static WebACLSummary summary(WebAcl acl) {
        return WebACLSummary.builder()
                .name(acl.name)
                .id(acl.id)
                .description(acl.description)
                .lockToken(acl.lockToken)
                .arn(acl.arn)
                .build();
    }
}
