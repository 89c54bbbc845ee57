package dr.regions.inmemory.cloudfront;

import java.util.Map;

/**
 * CloudFront's AWS-managed cache, origin request and response headers policies, by id (CloudFront Developer
 * Guide, "Use managed cache policies" / "Use managed origin request policies" / "Use managed response headers
 * policies"). The fake has no custom policies, so any other id does not exist.
 */
public final class ManagedPolicies {
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";

    static final Map<String, String> CACHE = Map.of(
            "658327ea-f89d-4fab-a63d-7e88639e58f6", "Managed-CachingOptimized",
            CACHING_DISABLED, "Managed-CachingDisabled",
            "b2884449-e4de-46a7-ac36-70bc7f1ddd6d", "Managed-CachingOptimizedForUncompressedObjects",
            "08627262-05a9-4f76-9ded-b50ca2e3a84f", "Managed-Elemental-MediaPackage",
            "2e54312d-136d-493c-8eb9-b001f22f67d2", "Managed-Amplify",
            "83da9c7e-98b4-4e11-a168-04f0df8e2c65", "UseOriginCacheControlHeaders",
            "4cc15a8a-d715-48a4-82b8-cc0b614638fe", "UseOriginCacheControlHeaders-QueryStrings");

    static final Map<String, String> ORIGIN_REQUEST = Map.of(
            ALL_VIEWER, "Managed-AllViewer",
            "b689b0a8-53d0-40ab-baf2-68738e2966ac", "Managed-AllViewerExceptHostHeader",
            "33f36d7e-f396-46d9-90e0-52428a34d9dc", "Managed-AllViewerAndCloudFrontHeaders-2022-06",
            "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", "Managed-CORS-S3Origin",
            "59781a5b-3903-41f3-afcb-af62929ccde1", "Managed-CORS-CustomOrigin",
            "acba4595-bd28-49b8-b9fe-13317c0390fa", "Managed-UserAgentRefererHeaders",
            "775133bc-15f2-49f9-abea-afb2e0bf67d2", "Managed-Elemental-MediaTailor-PersonalizedManifests");

    static final Map<String, String> RESPONSE_HEADERS = Map.of(
            "67f7725c-6f97-4210-82d7-5512b31e9d03", "Managed-SecurityHeadersPolicy",
            "e61eb60c-9c35-4d20-a928-2b84e02af89c", "Managed-CORS-and-SecurityHeadersPolicy",
            "60669652-455b-4ae9-85a4-c4c02393f86c", "Managed-SimpleCORS",
            "5cc3b908-e619-4b99-88e5-2cf7f45965bd", "Managed-CORS-With-Preflight",
            "eaab4381-ed33-4a86-88ca-d9558dc6cd63", "Managed-CORS-with-preflight-and-SecurityHeadersPolicy");

    private ManagedPolicies() {
    }
}
