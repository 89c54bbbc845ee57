package dr.regions.inmemory.cloudfront;

import dr.core.model.Regions;
import dr.regions.inmemory.world.CloudFrontState;
import dr.regions.inmemory.world.CloudFrontState.CacheBehavior;
import dr.regions.inmemory.world.CloudFrontState.Config;
import dr.regions.inmemory.world.CloudFrontState.Distribution;
import dr.regions.inmemory.world.CloudFrontState.Origin;
import dr.regions.inmemory.world.CloudFrontState.OriginGroup;
import dr.regions.inmemory.world.CloudFrontState.ViewerCertificate;
import dr.regions.inmemory.world.Service;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.cloudfront.model.NoSuchResponseHeadersPolicyException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules CloudFront checks on CreateDistribution and UpdateDistribution, against the rest of the world:
 * the certificate (ACM, us-east-1, issued, covering the aliases), the web ACL (a CLOUDFRONT-scope WAFv2 ACL),
 * origins and origin groups, and behaviors (an origin group only takes read methods).
 */
final class DistributionValidator {
    private static final Set<Integer> FAILOVER_CODES = Set.of(400, 403, 404, 416, 500, 502, 503, 504);
    private static final List<Set<String>> ALLOWED_METHOD_SETS = List.of(
            Set.of("GET", "HEAD"),
            Set.of("GET", "HEAD", "OPTIONS"),
            Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"));
    private static final Set<String> WRITE_METHODS = Set.of("PUT", "PATCH", "POST", "DELETE");
    private static final Set<String> VIEWER_POLICIES = Set.of("allow-all", "https-only", "redirect-to-https");
    private static final Set<String> ORIGIN_POLICIES = Set.of("http-only", "match-viewer", "https-only");
    private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All",
            "None");
    private static final Set<String> HTTP_VERSIONS = Set.of("http1.1", "http2", "http3", "http2and3");
    private static final Pattern WEB_ACL_ARN = Pattern.compile(
            "arn:aws:wafv2:us-east-1:\\d{12}:global/webacl/([\\w-]+)/([0-9a-f-]+)");
    static final String CNAME_NEEDS_CERTIFICATE = "To add an alternate domain name (CNAME) to a CloudFront"
            + " distribution, you must attach a trusted certificate that validates your authorization to use the"
            + " domain name. For more details, see: https://docs.aws.amazon.com/AmazonCloudFront/latest/"
            + "DeveloperGuide/CNAMEs.html#alternate-domain-names-requirements";
    static final String BAD_CERTIFICATE = "The specified SSL certificate doesn't exist, isn't in us-east-1 region,"
            + " isn't valid, or doesn't include a valid certificate chain.";
    static final String ORIGIN_GROUP_METHODS = "The parameter AllowedMethods cannot include POST, PUT, PATCH, or"
            + " DELETE for a cached behavior associated with an origin group.";

    private final World world;

    DistributionValidator(World world) {
        this.world = world;
    }

    /** {@code self} is the distribution being updated (null on create). */
    void validate(Config config, Distribution self) {
        if (!PRICE_CLASSES.contains(config.priceClass)) {
            throw CloudFrontErrors.invalidArgument("The parameter PriceClass has an invalid value: "
                    + config.priceClass);
        }
        if (!HTTP_VERSIONS.contains(config.httpVersion)) {
            throw CloudFrontErrors.invalidArgument("The parameter HttpVersion has an invalid value: "
                    + config.httpVersion);
        }
        Set<String> originIds = origins(config.origins);
        Set<String> groupIds = originGroups(config.originGroups, originIds);
        behavior(config.defaultCacheBehavior, originIds, groupIds);
        Set<String> patterns = new HashSet<>();
        for (CacheBehavior behavior : config.cacheBehaviors) {
            if (!patterns.add(behavior.pathPattern)) {
                throw CloudFrontErrors.invalidArgument("The parameter PathPattern is duplicated: "
                        + behavior.pathPattern);
            }
            behavior(behavior, originIds, groupIds);
        }
        certificate(config.viewerCertificate, config.aliases);
        aliasesUnique(config.aliases, self);
        webAcl(config.webAclId);
    }

    private static Set<String> origins(List<Origin> origins) {
        if (origins.isEmpty()) {
            throw CloudFrontErrors.invalidArgument("The parameter Origins must contain at least one origin.");
        }
        Set<String> ids = new HashSet<>();
        for (Origin origin : origins) {
            if (!ids.add(origin.id)) {
                throw CloudFrontErrors.invalidArgument("The parameter Origin Id must be unique: " + origin.id);
            }
            if (origin.connectionTimeout < 1 || origin.connectionTimeout > 10) {
                throw CloudFrontErrors.invalidArgument("The parameter ConnectionTimeout must be between 1 and 10"
                        + " seconds: " + origin.connectionTimeout);
            }
            if (origin.connectionAttempts < 1 || origin.connectionAttempts > 3) {
                throw CloudFrontErrors.invalidArgument("The parameter ConnectionAttempts must be between 1 and 3: "
                        + origin.connectionAttempts);
            }
            if (origin.custom != null && !ORIGIN_POLICIES.contains(origin.custom.protocolPolicy)) {
                throw CloudFrontErrors.invalidArgument("The parameter OriginProtocolPolicy has an invalid value: "
                        + origin.custom.protocolPolicy);
            }
        }
        return ids;
    }

    private static Set<String> originGroups(List<OriginGroup> groups, Set<String> originIds) {
        Set<String> ids = new HashSet<>();
        for (OriginGroup group : groups) {
            if (originIds.contains(group.id) || !ids.add(group.id)) {
                throw CloudFrontErrors.invalidArgument("The parameter OriginGroup Id must be unique across origins"
                        + " and origin groups: " + group.id);
            }
            if (group.members.size() != 2) {
                throw CloudFrontErrors.invalidArgument("An origin group must have exactly two members; "
                        + group.id + " has " + group.members.size() + ".");
            }
            for (String member : group.members) {
                if (!originIds.contains(member)) {
                    throw CloudFrontErrors.noSuchOrigin(member);
                }
            }
            if (group.failoverStatusCodes.isEmpty()
                    || !FAILOVER_CODES.containsAll(group.failoverStatusCodes)) {
                throw CloudFrontErrors.invalidArgument("The parameter StatusCodes of origin group " + group.id
                        + " may only contain " + FAILOVER_CODES + ".");
            }
        }
        return ids;
    }

    private void behavior(CacheBehavior behavior, Set<String> originIds, Set<String> groupIds) {
        boolean toGroup = groupIds.contains(behavior.targetOriginId);
        if (!toGroup && !originIds.contains(behavior.targetOriginId)) {
            throw CloudFrontErrors.noSuchOrigin(behavior.targetOriginId);
        }
        if (!VIEWER_POLICIES.contains(behavior.viewerProtocolPolicy)) {
            throw CloudFrontErrors.invalidArgument("The parameter ViewerProtocolPolicy has an invalid value: "
                    + behavior.viewerProtocolPolicy);
        }
        Set<String> allowed = new HashSet<>(behavior.allowedMethods);
        if (allowed.size() != behavior.allowedMethods.size() || !ALLOWED_METHOD_SETS.contains(allowed)) {
            throw CloudFrontErrors.invalidArgument("The parameter AllowedMethods must be GET,HEAD or"
                    + " GET,HEAD,OPTIONS or GET,HEAD,OPTIONS,PUT,PATCH,POST,DELETE.");
        }
        Set<String> cached = new HashSet<>(behavior.cachedMethods);
        if (!(cached.equals(Set.of("GET", "HEAD")) || cached.equals(Set.of("GET", "HEAD", "OPTIONS")))
                || !allowed.containsAll(cached)) {
            throw CloudFrontErrors.invalidArgument("The parameter CachedMethods must be GET,HEAD or GET,HEAD,OPTIONS"
                    + " and a subset of AllowedMethods.");
        }
        if (toGroup && allowed.stream().anyMatch(WRITE_METHODS::contains)) {
            throw CloudFrontErrors.invalidArgument(ORIGIN_GROUP_METHODS);
        }
        if (behavior.cachePolicyId != null && !ManagedPolicies.CACHE.containsKey(behavior.cachePolicyId)) {
            throw CloudFrontErrors.noSuchCachePolicy(behavior.cachePolicyId);
        }
        if (behavior.cachePolicyId == null && behavior.legacy == null) {
            throw CloudFrontErrors.invalidArgument("The parameter ForwardedValues is required.");
        }
        if (behavior.cachePolicyId == null && behavior.legacy.minTtl == null) {
            throw CloudFrontErrors.invalidArgument("The parameter MinTTL is required.");
        }
        if (behavior.originRequestPolicyId != null
                && !ManagedPolicies.ORIGIN_REQUEST.containsKey(behavior.originRequestPolicyId)) {
            throw CloudFrontErrors.noSuchOriginRequestPolicy(behavior.originRequestPolicyId);
        }
        if (behavior.responseHeadersPolicyId != null
                && !ManagedPolicies.RESPONSE_HEADERS.containsKey(behavior.responseHeadersPolicyId)) {
            throw Service.CLOUDFRONT.error(NoSuchResponseHeadersPolicyException.builder(), 404,
                    "NoSuchResponseHeadersPolicy", "The response headers policy does not exist: "
                            + behavior.responseHeadersPolicyId);
        }
    }

    private void certificate(ViewerCertificate cert, List<String> aliases) {
        int sources = (cert.cloudFrontDefaultCertificate ? 1 : 0) + (cert.acmCertificateArn != null ? 1 : 0)
                + (cert.iamCertificateId != null ? 1 : 0);
        if (sources != 1) {
            throw CloudFrontErrors.invalidViewerCertificate("Exactly one of CloudFrontDefaultCertificate,"
                    + " ACMCertificateArn or IAMCertificateId must be specified.");
        }
        if (cert.iamCertificateId != null) {
            throw new UnsupportedOperationException("IAM server certificates are not modeled by the in-memory cloud");
        }
        if (cert.acmCertificateArn == null) {
            if (!aliases.isEmpty()) {
                throw CloudFrontErrors.invalidViewerCertificate(CNAME_NEEDS_CERTIFICATE);
            }
            return;
        }
        CertificateDetail detail = issuedCertificateInUsEast1(cert.acmCertificateArn);
        for (String alias : aliases) {
            List<String> names = detail.subjectAlternativeNames().isEmpty()
                    ? List.of(detail.domainName()) : detail.subjectAlternativeNames();
            if (names.stream().noneMatch(name -> covers(name, alias))) {
                throw CloudFrontErrors.invalidViewerCertificate(CNAME_NEEDS_CERTIFICATE);
            }
        }
    }

    private CertificateDetail issuedCertificateInUsEast1(String arn) {
        String[] parts = arn.split(":");
        if (parts.length < 6 || !Regions.GLOBAL_EDGE.equals(parts[3])) {
            throw CloudFrontErrors.invalidViewerCertificate(BAD_CERTIFICATE);
        }
        CertificateDetail detail;
        try {
            detail = world.faults().internal(() -> world.services().acm(Regions.GLOBAL_EDGE)
                    .describeCertificate(r -> r.certificateArn(arn)).certificate());
        } catch (AwsServiceException missing) {
            throw CloudFrontErrors.invalidViewerCertificate(BAD_CERTIFICATE);
        }
        if (!"ISSUED".equals(detail.statusAsString())) {
            throw CloudFrontErrors.invalidViewerCertificate(BAD_CERTIFICATE);
        }
        return detail;
    }

    /** A certificate name covers the alias itself, or one level below a wildcard. */
    static boolean covers(String certificateName, String alias) {
        String name = certificateName.toLowerCase(Locale.ROOT);
        String host = alias.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(name.substring(2));
        }
        return name.equals(host);
    }

    private void aliasesUnique(List<String> aliases, Distribution self) {
        for (Distribution other : world.cloudFront.distributions.values()) {
            if (other == self) {
                continue;
            }
            for (String alias : aliases) {
                if (other.config.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(alias))) {
                    throw CloudFrontErrors.cnameAlreadyExists(alias);
                }
            }
        }
    }

    /** The web ACL id of a distribution is the ARN of a CLOUDFRONT-scope WAFv2 web ACL (global, us-east-1). */
    private void webAcl(String webAclId) {
        if (webAclId == null) {
            return;
        }
        Matcher arn = WEB_ACL_ARN.matcher(webAclId);
        if (!arn.matches()) {
            throw CloudFrontErrors.invalidWebAclId(webAclId);
        }
        try {
            world.faults().internal(() -> world.services().wafv2(Regions.GLOBAL_EDGE)
                    .getWebACL(r -> r.name(arn.group(1)).scope("CLOUDFRONT").id(arn.group(2))));
        } catch (AwsServiceException missing) {
            throw CloudFrontErrors.invalidWebAclId(webAclId);
        }
    }
}
