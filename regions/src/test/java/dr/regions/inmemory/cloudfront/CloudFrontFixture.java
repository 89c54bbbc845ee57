package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.route53.EdgeFixture;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/** The distribution dr builds, and an issued certificate, for the CloudFront tests. */
final class CloudFrontFixture {
    static final String PRIMARY = "primary-web";
    static final String DR = "dr-web";
    static final String GROUP = "web-failover";

    private CloudFrontFixture() {
    }

    static Origin origin(String id, String domainName) {
        return Origin.builder().id(id).domainName(domainName).connectionTimeout(2).connectionAttempts(1)
                .customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy("http-only")
                        .originSslProtocols(s -> s.quantity(1).itemsWithStrings("TLSv1.2")))
                .build();
    }

    /** Both web ALBs in an origin group, read-only methods, caching disabled, HTTPS redirect. */
    static DistributionConfig.Builder drConfig(String callerReference, String primaryDomain, String drDomain) {
        return DistributionConfig.builder()
                .callerReference(callerReference)
                .comment("dr:shop")
                .enabled(true)
                .priceClass("PriceClass_100")
                .origins(o -> o.quantity(2).items(origin(PRIMARY, primaryDomain), origin(DR, drDomain)))
                .originGroups(g -> g.quantity(1).items(group -> group.id(GROUP)
                        .failoverCriteria(f -> f.statusCodes(s -> s.quantity(4).items(500, 502, 503, 504)))
                        .members(m -> m.quantity(2).items(i -> i.originId(PRIMARY), i -> i.originId(DR)))))
                .defaultCacheBehavior(b -> b.targetOriginId(GROUP)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(a -> a.quantity(3).itemsWithStrings("GET", "HEAD", "OPTIONS")
                                .cachedMethods(c -> c.quantity(2).itemsWithStrings("GET", "HEAD")))
                        .cachePolicyId(ManagedPolicies.CACHING_DISABLED)
                        .originRequestPolicyId(ManagedPolicies.ALL_VIEWER)
                        .compress(true));
    }

    static DistributionConfig.Builder drConfig(String callerReference) {
        return drConfig(callerReference, "primary.example.net", "dr.example.net");
    }

    /** A DNS-validated certificate, validated through the sandbox account's example.com zone. */
    static String issuedCertificate(InMemoryCloud cloud, String region, String domain, String... alternativeNames) {
        AcmClient acm = cloud.acm(region);
        String arn = acm.requestCertificate(r -> r.domainName(domain).validationMethod("DNS")
                .subjectAlternativeNames(alternativeNames)).certificateArn();
        String zone = EdgeFixture.publicZoneId(cloud, "example.com");
        for (DomainValidation v : acm.describeCertificate(r -> r.certificateArn(arn)).certificate()
                .domainValidationOptions()) {
            EdgeFixture.change(cloud.route53(), zone, ChangeAction.UPSERT,
                    EdgeFixture.cname(v.resourceRecord().name(), v.resourceRecord().value()));
        }
        acm.describeCertificate(r -> r.certificateArn(arn));
        cloud.world().clock().advance(ModeledDurations.ACM_VALIDATION);
        return arn;
    }
}
