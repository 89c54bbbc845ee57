package dr.regions.cdn;

import software.amazon.awssdk.services.cloudfront.model.Aliases;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.MinimumProtocolVersion;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupFailoverCriteria;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMembers;
import software.amazon.awssdk.services.cloudfront.model.OriginGroups;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.OriginSslProtocols;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.PriceClass;
import software.amazon.awssdk.services.cloudfront.model.SSLSupportMethod;
import software.amazon.awssdk.services.cloudfront.model.SslProtocol;
import software.amazon.awssdk.services.cloudfront.model.StatusCodes;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

import java.time.Duration;
import java.util.List;

/**
 * The distribution dr wants, as the parts of a DistributionConfig it manages. Two custom origins (the web ALBs of
 * the primary and DR regions) in one origin group, primary first, failing over on 500/502/503/504; the default
 * behavior on the group with GET/HEAD/OPTIONS only (CloudFront refuses writes on an origin group), the managed
 * CachingDisabled and AllViewer policies (a dynamic app: nothing cached, everything forwarded), viewers redirected
 * to HTTPS. {@code drFirst}: the stack is failed over (see {@code OriginGroupFence}): the default behavior targets the
 * DR origin alone, so no 5xx from DR can send a viewer to the old primary and its stale database. The origin group
 * stays defined (DR first) for failback: CloudFront needs exactly two members in a group (API reference,
 * OriginGroupMembers: Items minimum 2, maximum 2), so the old primary cannot just be taken out of it.
 *
 * <p>Failover speed: CloudFront gives up on an origin after ConnectionTimeout × ConnectionAttempts, so a request
 * that meets a dead primary waits {@link #WORST_CASE_PER_REQUEST} before the DR origin answers; the defaults (10 s
 * × 3) would cost 30 s, the seed guide's "60 to 90 seconds for every request". 3 s still leaves a lost SYN one
 * retransmission.
 *
 * <p>Origin protocol: HTTPS only when the ALBs have HTTPS listeners (with a domain); their certificate,
 * {@code *.<domain>}, matches the Host header {@code app.<domain>} that AllViewer forwards, which is the name
 * CloudFront checks. Without a domain the ALBs listen on HTTP only, and so does the origin.
 */
public record DistributionSettings(
        String comment,
        List<String> aliases,
        String certificateArn,
        String webAclArn,
        String primaryRegion,
        String primaryDomain,
        String drRegion,
        String drDomain,
        boolean httpsOrigins,
        boolean drFirst) {

    public static final int CONNECTION_TIMEOUT_SECONDS = 3;
    public static final int CONNECTION_ATTEMPTS = 1;
    public static final Duration WORST_CASE_PER_REQUEST =
            Duration.ofSeconds((long) CONNECTION_TIMEOUT_SECONDS * CONNECTION_ATTEMPTS);
    public static final List<Integer> FAILOVER_STATUS_CODES = List.of(500, 502, 503, 504);
    public static final String ORIGIN_GROUP_ID = "web-failover";
    /** AWS managed cache policy Managed-CachingDisabled. */
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** AWS managed origin request policy Managed-AllViewer. */
    public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    static final List<Method> ALLOWED_METHODS = List.of(Method.GET, Method.HEAD, Method.OPTIONS);
    static final List<Method> CACHED_METHODS = List.of(Method.GET, Method.HEAD);
    /** Origin read timeout: the default; an ALB answers 502/504 itself before its 60 s idle timeout. */
    static final int READ_TIMEOUT_SECONDS = 30;
    static final int KEEPALIVE_SECONDS = 5;

    public static String originId(String region) {
        return "web-" + region;
    }

    /** A new distribution's whole config. */
    public DistributionConfig newConfig(String callerReference) {
        return apply(DistributionConfig.builder().callerReference(callerReference)
                .priceClass(PriceClass.PRICE_CLASS_ALL)
                .httpVersion("http2")
                .isIPV6Enabled(false)
                .defaultRootObject(""));
    }

    /** {@code current} with dr's parts replaced; what dr does not manage (price class, logging...) is kept. */
    public DistributionConfig update(DistributionConfig current) {
        return apply(current.toBuilder());
    }

    private DistributionConfig apply(DistributionConfig.Builder config) {
        return config.comment(comment)
                .enabled(true)
                .aliases(Aliases.builder().quantity(aliases.size()).items(aliases).build())
                .origins(Origins.builder().quantity(2)
                        .items(origin(primaryRegion, primaryDomain), origin(drRegion, drDomain)).build())
                .originGroups(OriginGroups.builder().quantity(1).items(originGroup()).build())
                .defaultCacheBehavior(defaultBehavior(defaultTarget()))
                .viewerCertificate(viewerCertificate())
                .webACLId(webAclArn)
                .build();
    }

    private Origin origin(String region, String domainName) {
        return Origin.builder()
                .id(originId(region))
                .domainName(domainName)
                .originPath("")
                .connectionTimeout(CONNECTION_TIMEOUT_SECONDS)
                .connectionAttempts(CONNECTION_ATTEMPTS)
                .customOriginConfig(CustomOriginConfig.builder()
                        .httpPort(80)
                        .httpsPort(443)
                        .originProtocolPolicy(originProtocol())
                        .originSslProtocols(OriginSslProtocols.builder().quantity(1).items(SslProtocol.TLS_V1_2)
                                .build())
                        .originReadTimeout(READ_TIMEOUT_SECONDS)
                        .originKeepaliveTimeout(KEEPALIVE_SECONDS)
                        .build())
                .build();
    }

    OriginProtocolPolicy originProtocol() {
        return httpsOrigins ? OriginProtocolPolicy.HTTPS_ONLY : OriginProtocolPolicy.HTTP_ONLY;
    }

    private OriginGroup originGroup() {
        OriginGroupMember primary = OriginGroupMember.builder().originId(originId(primaryRegion)).build();
        OriginGroupMember dr = OriginGroupMember.builder().originId(originId(drRegion)).build();
        return OriginGroup.builder()
                .id(ORIGIN_GROUP_ID)
                .failoverCriteria(OriginGroupFailoverCriteria.builder().statusCodes(StatusCodes.builder()
                        .quantity(FAILOVER_STATUS_CODES.size()).items(FAILOVER_STATUS_CODES).build()).build())
                .members(OriginGroupMembers.builder().quantity(2)
                        .items(drFirst ? List.of(dr, primary) : List.of(primary, dr)).build())
                .build();
    }

    /** The origin group, or the DR origin alone once the stack is failed over (the fence). */
    public String defaultTarget() {
        return drFirst ? originId(drRegion) : ORIGIN_GROUP_ID;
    }

    private static DefaultCacheBehavior defaultBehavior(String target) {
        return DefaultCacheBehavior.builder()
                .targetOriginId(target)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.builder().quantity(ALLOWED_METHODS.size()).items(ALLOWED_METHODS)
                        .cachedMethods(CachedMethods.builder().quantity(CACHED_METHODS.size()).items(CACHED_METHODS)
                                .build())
                        .build())
                .cachePolicyId(CACHING_DISABLED)
                .originRequestPolicyId(ALL_VIEWER)
                .compress(false)
                .build();
    }

    /** The ACM certificate with SNI and TLS 1.2 at least, or CloudFront's own for its *.cloudfront.net name. */
    private ViewerCertificate viewerCertificate() {
        if (certificateArn == null) {
            return ViewerCertificate.builder().cloudFrontDefaultCertificate(true).build();
        }
        return ViewerCertificate.builder()
                .cloudFrontDefaultCertificate(false)
                .acmCertificateArn(certificateArn)
                .sslSupportMethod(SSLSupportMethod.SNI_ONLY)
                .minimumProtocolVersion(MinimumProtocolVersion.TLS_V1_2_2021)
                .build();
    }
}
