package dr.regions.cdn;

import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a DistributionConfig dr manages, normalised (names lower case, unordered lists sorted, CloudFront's
 * defaults and read-only fields left out), so that "has it drifted?" compares what matters and nothing else.
 */
record DistributionShape(boolean enabled, String comment, List<String> aliases, List<OriginShape> origins,
                         List<GroupShape> groups, BehaviorShape behavior, CertificateShape certificate,
                         String webAclId) {

    record OriginShape(String id, String domainName, String originPath, Integer timeout, Integer attempts,
                       String protocol, Integer httpPort, Integer httpsPort, List<String> sslProtocols,
                       Integer readTimeout, Integer keepalive) {
    }

    /** Members in order: the first is the primary. */
    record GroupShape(String id, List<String> members, List<Integer> failoverCodes) {
    }

    record BehaviorShape(String target, String viewerPolicy, List<String> allowed, List<String> cached,
                         String cachePolicy, String originRequestPolicy, Boolean compress) {
    }

    /** With CloudFront's default certificate only that fact matters: it ignores the other settings. */
    record CertificateShape(boolean cloudFrontDefault, String acmArn, String sslSupport, String minimumProtocol) {
    }

    static DistributionShape of(DistributionConfig config) {
        return new DistributionShape(
                Boolean.TRUE.equals(config.enabled()),
                config.comment(),
                config.aliases() == null ? List.of() : sortedLower(config.aliases().items()),
                config.origins().items().stream().map(DistributionShape::origin)
                        .sorted(Comparator.comparing(OriginShape::id)).toList(),
                config.originGroups() == null ? List.of() : config.originGroups().items().stream()
                        .map(DistributionShape::group).sorted(Comparator.comparing(GroupShape::id)).toList(),
                behavior(config.defaultCacheBehavior()),
                certificate(config.viewerCertificate()),
                config.webACLId() == null ? "" : config.webACLId());
    }

    private static OriginShape origin(Origin origin) {
        CustomOriginConfig custom = origin.customOriginConfig();
        return new OriginShape(origin.id(), lower(origin.domainName()),
                origin.originPath() == null ? "" : origin.originPath(),
                origin.connectionTimeout(), origin.connectionAttempts(),
                custom == null ? null : custom.originProtocolPolicyAsString(),
                custom == null ? null : custom.httpPort(),
                custom == null ? null : custom.httpsPort(),
                custom == null || custom.originSslProtocols() == null ? List.of()
                        : custom.originSslProtocols().itemsAsStrings().stream().sorted().toList(),
                custom == null ? null : custom.originReadTimeout(),
                custom == null ? null : custom.originKeepaliveTimeout());
    }

    private static GroupShape group(OriginGroup group) {
        return new GroupShape(group.id(),
                group.members().items().stream().map(OriginGroupMember::originId).toList(),
                group.failoverCriteria().statusCodes().items().stream().sorted().toList());
    }

    private static BehaviorShape behavior(DefaultCacheBehavior behavior) {
        return new BehaviorShape(behavior.targetOriginId(), behavior.viewerProtocolPolicyAsString(),
                behavior.allowedMethods() == null ? List.of()
                        : behavior.allowedMethods().itemsAsStrings().stream().sorted().toList(),
                behavior.allowedMethods() == null || behavior.allowedMethods().cachedMethods() == null ? List.of()
                        : behavior.allowedMethods().cachedMethods().itemsAsStrings().stream().sorted().toList(),
                emptyToNull(behavior.cachePolicyId()), emptyToNull(behavior.originRequestPolicyId()),
                Boolean.TRUE.equals(behavior.compress()));
    }

    private static CertificateShape certificate(ViewerCertificate certificate) {
        if (certificate == null || Boolean.TRUE.equals(certificate.cloudFrontDefaultCertificate())) {
            return new CertificateShape(true, null, null, null);
        }
        return new CertificateShape(false, emptyToNull(certificate.acmCertificateArn()),
                certificate.sslSupportMethodAsString(), certificate.minimumProtocolVersionAsString());
    }

    private static List<String> sortedLower(List<String> names) {
        return names.stream().map(DistributionShape::lower).sorted().toList();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
