package dr.regions.inmemory.cloudfront;

import dr.regions.inmemory.world.CloudFrontState;
import dr.regions.inmemory.world.CloudFrontState.CacheBehavior;
import dr.regions.inmemory.world.CloudFrontState.Config;
import dr.regions.inmemory.world.CloudFrontState.CustomOrigin;
import dr.regions.inmemory.world.CloudFrontState.LegacyCacheSettings;
import dr.regions.inmemory.world.CloudFrontState.Origin;
import dr.regions.inmemory.world.CloudFrontState.OriginGroup;
import dr.regions.inmemory.world.CloudFrontState.ViewerCertificate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cloudfront.model.Aliases;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CookiePreference;
import software.amazon.awssdk.services.cloudfront.model.CustomErrorResponses;
import software.amazon.awssdk.services.cloudfront.model.CustomHeaders;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.GeoRestriction;
import software.amazon.awssdk.services.cloudfront.model.Headers;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.OriginCustomHeader;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupFailoverCriteria;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMembers;
import software.amazon.awssdk.services.cloudfront.model.OriginGroups;
import software.amazon.awssdk.services.cloudfront.model.OriginSslProtocols;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.Restrictions;
import software.amazon.awssdk.services.cloudfront.model.S3OriginConfig;
import software.amazon.awssdk.services.cloudfront.model.StatusCodes;
import software.amazon.awssdk.services.cloudfront.model.TrustedKeyGroups;
import software.amazon.awssdk.services.cloudfront.model.TrustedSigners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DistributionConfig (SDK) ↔ the plain mirror kept in state. Reading checks what CloudFront checks on the
 * shape alone: every Quantity matches its Items (InconsistentQuantities) and required members are present;
 * defaults are those CloudFront applies. Features dr does not use are refused loudly rather than dropped.
 */
final class DistributionConfigMapper {
    private DistributionConfigMapper() {
    }

    static Config toState(DistributionConfig in) {
        if (in == null) {
            throw CloudFrontErrors.invalidArgument("The parameter DistributionConfig is required.");
        }
        required(in.callerReference(), "CallerReference");
        required(in.comment(), "Comment");
        required(in.enabled(), "Enabled");
        required(in.origins(), "Origins");
        required(in.defaultCacheBehavior(), "DefaultCacheBehavior");
        refuseUnmodeled(in);
        Config config = new Config();
        config.callerReference = in.callerReference();
        config.comment = in.comment();
        config.enabled = in.enabled();
        if (in.aliases() != null) {
            quantity("Aliases", in.aliases().quantity(), in.aliases().items().size());
            config.aliases = new ArrayList<>(in.aliases().items());
        }
        config.defaultRootObject = in.defaultRootObject();
        config.priceClass = in.priceClassAsString() == null ? "PriceClass_All" : in.priceClassAsString();
        config.httpVersion = in.httpVersionAsString() == null ? "http2" : in.httpVersionAsString();
        config.ipv6Enabled = Boolean.TRUE.equals(in.isIPV6Enabled());
        config.webAclId = in.webACLId() == null || in.webACLId().isEmpty() ? null : in.webACLId();
        quantity("Origins", in.origins().quantity(), in.origins().items().size());
        for (var origin : in.origins().items()) {
            config.origins.add(origin(origin));
        }
        if (in.originGroups() != null) {
            quantity("OriginGroups", in.originGroups().quantity(), in.originGroups().items().size());
            for (var group : in.originGroups().items()) {
                config.originGroups.add(originGroup(group));
            }
        }
        refuseAssociations(in.defaultCacheBehavior().lambdaFunctionAssociations(),
                in.defaultCacheBehavior().functionAssociations());
        config.defaultCacheBehavior = behavior(null, in.defaultCacheBehavior().targetOriginId(),
                in.defaultCacheBehavior().viewerProtocolPolicyAsString(), in.defaultCacheBehavior().allowedMethods(),
                in.defaultCacheBehavior().cachePolicyId(), in.defaultCacheBehavior().originRequestPolicyId(),
                in.defaultCacheBehavior().responseHeadersPolicyId(), in.defaultCacheBehavior().compress(),
                in.defaultCacheBehavior().forwardedValues(), in.defaultCacheBehavior().minTTL(),
                in.defaultCacheBehavior().defaultTTL(), in.defaultCacheBehavior().maxTTL());
        if (in.cacheBehaviors() != null) {
            quantity("CacheBehaviors", in.cacheBehaviors().quantity(), in.cacheBehaviors().items().size());
            for (var b : in.cacheBehaviors().items()) {
                required(b.pathPattern(), "CacheBehavior.PathPattern");
                refuseAssociations(b.lambdaFunctionAssociations(), b.functionAssociations());
                config.cacheBehaviors.add(behavior(b.pathPattern(), b.targetOriginId(),
                        b.viewerProtocolPolicyAsString(), b.allowedMethods(), b.cachePolicyId(),
                        b.originRequestPolicyId(), b.responseHeadersPolicyId(), b.compress(), b.forwardedValues(),
                        b.minTTL(), b.defaultTTL(), b.maxTTL()));
            }
        }
        config.viewerCertificate = viewerCertificate(in.viewerCertificate());
        GeoRestriction geo = in.restrictions() == null ? null : in.restrictions().geoRestriction();
        if (geo != null) {
            quantity("GeoRestriction", geo.quantity(), geo.items().size());
            config.geoRestrictionType = geo.restrictionTypeAsString();
            config.geoRestrictionLocations = new ArrayList<>(geo.items());
        }
        return config;
    }

    private static void refuseUnmodeled(DistributionConfig in) {
        CustomErrorResponses errors = in.customErrorResponses();
        boolean customErrors = errors != null && errors.quantity() != null && errors.quantity() > 0;
        boolean logging = in.logging() != null && Boolean.TRUE.equals(in.logging().enabled());
        boolean staging = Boolean.TRUE.equals(in.staging()) || in.continuousDeploymentPolicyId() != null;
        if (customErrors || logging || staging) {
            throw new UnsupportedOperationException("custom error responses, logging and staging distributions are"
                    + " not modeled by the in-memory CloudFront");
        }
    }

    private static void refuseAssociations(LambdaFunctionAssociations lambdas, FunctionAssociations functions) {
        boolean any = lambdas != null && lambdas.quantity() != null && lambdas.quantity() > 0
                || functions != null && functions.quantity() != null && functions.quantity() > 0;
        if (any) {
            throw new UnsupportedOperationException("Lambda@Edge and CloudFront Functions associations are not modeled"
                    + " by the in-memory CloudFront");
        }
    }

    private static Origin origin(software.amazon.awssdk.services.cloudfront.model.Origin in) {
        required(in.id(), "Origin.Id");
        required(in.domainName(), "Origin.DomainName");
        if ((in.customOriginConfig() == null) == (in.s3OriginConfig() == null)) {
            throw CloudFrontErrors.invalidArgument("Exactly one of CustomOriginConfig and S3OriginConfig must be"
                    + " specified");
        }
        Origin origin = new Origin();
        origin.id = in.id();
        origin.domainName = in.domainName();
        origin.originPath = in.originPath() == null ? "" : in.originPath();
        origin.connectionAttempts = in.connectionAttempts() == null ? 3 : in.connectionAttempts();
        origin.connectionTimeout = in.connectionTimeout() == null ? 10 : in.connectionTimeout();
        origin.originAccessControlId = in.originAccessControlId();
        if (in.customHeaders() != null) {
            quantity("CustomHeaders", in.customHeaders().quantity(), in.customHeaders().items().size());
            in.customHeaders().items().forEach(h -> origin.customHeaders.put(h.headerName(), h.headerValue()));
        }
        CustomOriginConfig custom = in.customOriginConfig();
        if (custom != null) {
            required(custom.httpPort(), "CustomOriginConfig.HTTPPort");
            required(custom.httpsPort(), "CustomOriginConfig.HTTPSPort");
            required(custom.originProtocolPolicyAsString(), "CustomOriginConfig.OriginProtocolPolicy");
            origin.custom = new CustomOrigin();
            origin.custom.httpPort = custom.httpPort();
            origin.custom.httpsPort = custom.httpsPort();
            origin.custom.protocolPolicy = custom.originProtocolPolicyAsString();
            origin.custom.readTimeout = custom.originReadTimeout() == null ? 30 : custom.originReadTimeout();
            origin.custom.keepaliveTimeout = custom.originKeepaliveTimeout() == null ? 5
                    : custom.originKeepaliveTimeout();
            OriginSslProtocols ssl = custom.originSslProtocols();
            if (ssl != null) {
                quantity("OriginSslProtocols", ssl.quantity(), ssl.items().size());
                origin.custom.sslProtocols = new ArrayList<>(ssl.itemsAsStrings());
            } else {
                origin.custom.sslProtocols = new ArrayList<>(List.of("TLSv1.2"));
            }
        } else {
            origin.s3OriginAccessIdentity = in.s3OriginConfig().originAccessIdentity() == null ? ""
                    : in.s3OriginConfig().originAccessIdentity();
        }
        return origin;
    }

    private static OriginGroup originGroup(software.amazon.awssdk.services.cloudfront.model.OriginGroup in) {
        required(in.id(), "OriginGroup.Id");
        required(in.failoverCriteria(), "OriginGroup.FailoverCriteria");
        required(in.failoverCriteria().statusCodes(), "FailoverCriteria.StatusCodes");
        required(in.members(), "OriginGroup.Members");
        StatusCodes codes = in.failoverCriteria().statusCodes();
        quantity("StatusCodes", codes.quantity(), codes.items().size());
        quantity("Members", in.members().quantity(), in.members().items().size());
        OriginGroup group = new OriginGroup();
        group.id = in.id();
        group.failoverStatusCodes = new ArrayList<>(codes.items());
        group.members = new ArrayList<>(in.members().items().stream().map(OriginGroupMember::originId).toList());
        return group;
    }

    private static CacheBehavior behavior(String pathPattern, String targetOriginId, String viewerProtocolPolicy,
            AllowedMethods allowed, String cachePolicyId, String originRequestPolicyId, String responseHeadersPolicyId,
            Boolean compress, ForwardedValues forwarded, Long minTtl, Long defaultTtl, Long maxTtl) {
        required(targetOriginId, "TargetOriginId");
        required(viewerProtocolPolicy, "ViewerProtocolPolicy");
        CacheBehavior behavior = new CacheBehavior();
        behavior.pathPattern = pathPattern;
        behavior.targetOriginId = targetOriginId;
        behavior.viewerProtocolPolicy = viewerProtocolPolicy;
        if (allowed == null) {
            behavior.allowedMethods = new ArrayList<>(List.of("HEAD", "GET"));
            behavior.cachedMethods = new ArrayList<>(List.of("HEAD", "GET"));
        } else {
            quantity("AllowedMethods", allowed.quantity(), allowed.items().size());
            behavior.allowedMethods = new ArrayList<>(allowed.itemsAsStrings());
            CachedMethods cached = allowed.cachedMethods();
            if (cached != null) {
                quantity("CachedMethods", cached.quantity(), cached.items().size());
                behavior.cachedMethods = new ArrayList<>(cached.itemsAsStrings());
            } else {
                behavior.cachedMethods = new ArrayList<>(List.of("HEAD", "GET"));
            }
        }
        behavior.cachePolicyId = emptyToNull(cachePolicyId);
        behavior.originRequestPolicyId = emptyToNull(originRequestPolicyId);
        behavior.responseHeadersPolicyId = emptyToNull(responseHeadersPolicyId);
        behavior.compress = Boolean.TRUE.equals(compress);
        if (forwarded != null || minTtl != null) {
            LegacyCacheSettings legacy = new LegacyCacheSettings();
            if (forwarded != null) {
                legacy.forwardQueryString = Boolean.TRUE.equals(forwarded.queryString());
                legacy.forwardCookies = forwarded.cookies() == null ? "none" : forwarded.cookies().forwardAsString();
                if (forwarded.headers() != null) {
                    quantity("Headers", forwarded.headers().quantity(), forwarded.headers().items().size());
                    legacy.forwardedHeaders = new ArrayList<>(forwarded.headers().items());
                }
            }
            legacy.minTtl = minTtl;
            legacy.defaultTtl = defaultTtl;
            legacy.maxTtl = maxTtl;
            behavior.legacy = legacy;
        }
        return behavior;
    }

    private static ViewerCertificate viewerCertificate(
            software.amazon.awssdk.services.cloudfront.model.ViewerCertificate in) {
        ViewerCertificate cert = new ViewerCertificate();
        if (in == null) {
            cert.cloudFrontDefaultCertificate = true;
            cert.minimumProtocolVersion = "TLSv1";
            return cert;
        }
        cert.cloudFrontDefaultCertificate = Boolean.TRUE.equals(in.cloudFrontDefaultCertificate());
        cert.acmCertificateArn = emptyToNull(in.acmCertificateArn());
        cert.iamCertificateId = emptyToNull(in.iamCertificateId());
        cert.sslSupportMethod = in.sslSupportMethodAsString();
        cert.minimumProtocolVersion = in.minimumProtocolVersionAsString() == null ? "TLSv1"
                : in.minimumProtocolVersionAsString();
        return cert;
    }

    static DistributionConfig toSdk(Config config) {
        return DistributionConfig.builder()
                .callerReference(config.callerReference)
                .comment(config.comment)
                .enabled(config.enabled)
                .aliases(Aliases.builder().quantity(config.aliases.size()).items(config.aliases).build())
                .defaultRootObject(config.defaultRootObject == null ? "" : config.defaultRootObject)
                .priceClass(config.priceClass)
                .httpVersion(config.httpVersion)
                .isIPV6Enabled(config.ipv6Enabled)
                .webACLId(config.webAclId == null ? "" : config.webAclId)
                .origins(Origins.builder().quantity(config.origins.size())
                        .items(config.origins.stream().map(DistributionConfigMapper::origin).toList()).build())
                .originGroups(OriginGroups.builder().quantity(config.originGroups.size())
                        .items(config.originGroups.stream().map(DistributionConfigMapper::originGroup).toList())
                        .build())
                .defaultCacheBehavior(defaultBehavior(config.defaultCacheBehavior))
                .cacheBehaviors(CacheBehaviors.builder().quantity(config.cacheBehaviors.size())
                        .items(config.cacheBehaviors.stream().map(DistributionConfigMapper::behavior).toList())
                        .build())
                .customErrorResponses(CustomErrorResponses.builder().quantity(0).build())
                .viewerCertificate(viewerCertificate(config.viewerCertificate))
                .restrictions(Restrictions.builder().geoRestriction(GeoRestriction.builder()
                        .restrictionType(config.geoRestrictionType == null ? "none" : config.geoRestrictionType)
                        .quantity(config.geoRestrictionLocations.size())
                        .items(config.geoRestrictionLocations.isEmpty() ? null : config.geoRestrictionLocations)
                        .build()).build())
                .build();
    }

    private static software.amazon.awssdk.services.cloudfront.model.Origin origin(Origin origin) {
        var out = software.amazon.awssdk.services.cloudfront.model.Origin.builder()
                .id(origin.id)
                .domainName(origin.domainName)
                .originPath(origin.originPath)
                .connectionAttempts(origin.connectionAttempts)
                .connectionTimeout(origin.connectionTimeout)
                .originAccessControlId(origin.originAccessControlId)
                .customHeaders(CustomHeaders.builder().quantity(origin.customHeaders.size())
                        .items(origin.customHeaders.entrySet().stream()
                                .map(e -> OriginCustomHeader.builder().headerName(e.getKey())
                                        .headerValue(e.getValue()).build())
                                .toList())
                        .build());
        if (origin.custom != null) {
            out.customOriginConfig(CustomOriginConfig.builder()
                    .httpPort(origin.custom.httpPort)
                    .httpsPort(origin.custom.httpsPort)
                    .originProtocolPolicy(origin.custom.protocolPolicy)
                    .originSslProtocols(OriginSslProtocols.builder().quantity(origin.custom.sslProtocols.size())
                            .itemsWithStrings(origin.custom.sslProtocols).build())
                    .originReadTimeout(origin.custom.readTimeout)
                    .originKeepaliveTimeout(origin.custom.keepaliveTimeout)
                    .build());
        } else {
            out.s3OriginConfig(S3OriginConfig.builder().originAccessIdentity(origin.s3OriginAccessIdentity).build());
        }
        return out.build();
    }

    private static software.amazon.awssdk.services.cloudfront.model.OriginGroup originGroup(OriginGroup group) {
        return software.amazon.awssdk.services.cloudfront.model.OriginGroup.builder()
                .id(group.id)
                .failoverCriteria(OriginGroupFailoverCriteria.builder()
                        .statusCodes(StatusCodes.builder().quantity(group.failoverStatusCodes.size())
                                .items(group.failoverStatusCodes).build())
                        .build())
                .members(OriginGroupMembers.builder().quantity(group.members.size())
                        .items(group.members.stream().map(m -> OriginGroupMember.builder().originId(m).build())
                                .toList())
                        .build())
                .build();
    }

    /**
     * The default behavior is a cache behavior without a path pattern: the SDK models it as a shape of its own with
     * the same members, copied here member by member from {@link #behavior}.
     */
    private static DefaultCacheBehavior defaultBehavior(CacheBehavior b) {
        var behavior = behavior(b);
        Map<String, SdkField<?>> members = behavior.sdkFields().stream()
                .collect(Collectors.toMap(SdkField::memberName, field -> field));
        DefaultCacheBehavior.Builder out = DefaultCacheBehavior.builder();
        for (SdkField<?> field : out.sdkFields()) {
            field.set(out, members.get(field.memberName()).getValueOrDefault(behavior));
        }
        return out.build();
    }

    private static software.amazon.awssdk.services.cloudfront.model.CacheBehavior behavior(CacheBehavior b) {
        var out = software.amazon.awssdk.services.cloudfront.model.CacheBehavior.builder()
                .pathPattern(b.pathPattern)
                .targetOriginId(b.targetOriginId)
                .viewerProtocolPolicy(b.viewerProtocolPolicy)
                .allowedMethods(allowedMethods(b))
                .cachePolicyId(b.cachePolicyId)
                .originRequestPolicyId(b.originRequestPolicyId)
                .responseHeadersPolicyId(b.responseHeadersPolicyId)
                .compress(b.compress)
                .smoothStreaming(false)
                .fieldLevelEncryptionId("")
                .trustedSigners(TrustedSigners.builder().enabled(false).quantity(0).build())
                .trustedKeyGroups(TrustedKeyGroups.builder().enabled(false).quantity(0).build())
                .lambdaFunctionAssociations(LambdaFunctionAssociations.builder().quantity(0).build())
                .functionAssociations(FunctionAssociations.builder().quantity(0).build());
        if (b.legacy != null) {
            out.forwardedValues(forwardedValues(b.legacy)).minTTL(b.legacy.minTtl).defaultTTL(b.legacy.defaultTtl)
                    .maxTTL(b.legacy.maxTtl);
        }
        return out.build();
    }

    private static AllowedMethods allowedMethods(CacheBehavior b) {
        return AllowedMethods.builder()
                .quantity(b.allowedMethods.size())
                .itemsWithStrings(b.allowedMethods)
                .cachedMethods(CachedMethods.builder().quantity(b.cachedMethods.size())
                        .itemsWithStrings(b.cachedMethods).build())
                .build();
    }

    private static ForwardedValues forwardedValues(LegacyCacheSettings legacy) {
        return ForwardedValues.builder()
                .queryString(legacy.forwardQueryString)
                .cookies(CookiePreference.builder().forward(legacy.forwardCookies).build())
                .headers(Headers.builder().quantity(legacy.forwardedHeaders.size()).items(legacy.forwardedHeaders)
                        .build())
                .build();
    }

    private static software.amazon.awssdk.services.cloudfront.model.ViewerCertificate viewerCertificate(
            ViewerCertificate cert) {
        String source = cert.acmCertificateArn != null ? "acm" : cert.iamCertificateId != null ? "iam" : "cloudfront";
        return software.amazon.awssdk.services.cloudfront.model.ViewerCertificate.builder()
                .cloudFrontDefaultCertificate(cert.cloudFrontDefaultCertificate)
                .acmCertificateArn(cert.acmCertificateArn)
                .iamCertificateId(cert.iamCertificateId)
                .certificate(cert.acmCertificateArn != null ? cert.acmCertificateArn : cert.iamCertificateId)
                .certificateSource(source)
                .sslSupportMethod(cert.sslSupportMethod)
                .minimumProtocolVersion(cert.minimumProtocolVersion)
                .build();
    }

    private static void quantity(String where, Integer quantity, int items) {
        if (quantity == null ? items > 0 : quantity != items) {
            throw CloudFrontErrors.inconsistentQuantities(where);
        }
    }

    private static void required(Object value, String member) {
        if (value == null) {
            throw CloudFrontErrors.invalidArgument("The parameter " + member + " is required.");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
