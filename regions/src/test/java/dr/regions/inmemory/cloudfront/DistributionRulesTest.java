package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.Refusals;
import dr.regions.inmemory.wafv2.WebAclFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.IllegalUpdateException;
import software.amazon.awssdk.services.cloudfront.model.InconsistentQuantitiesException;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.InvalidViewerCertificateException;
import software.amazon.awssdk.services.cloudfront.model.InvalidWebAclIdException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCachePolicyException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginException;
import software.amazon.awssdk.services.wafv2.model.WafAssociatedItemException;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionRulesTest {
    private InMemoryCloud cloud;
    private CloudFrontClient cloudFront;

    @BeforeEach
    void sandbox() {
        cloud = new InMemoryCloud(SandboxAccount.create());
        cloudFront = cloud.cloudFront();
    }

    private CreateDistributionResponse create(DistributionConfig config) {
        return cloudFront.createDistribution(r -> r.distributionConfig(config));
    }

    private static DistributionConfig.Builder dr() {
        return CloudFrontFixture.drConfig("shop");
    }

    @Test
    void aCallerReferenceCreatesOneDistributionOnly() {
        String id = create(dr().build()).distribution().id();

        Refusals.assertRefused(() -> create(dr().build()), DistributionAlreadyExistsException.class,
                "DistributionAlreadyExists", 409);
        assertThat(create(CloudFrontFixture.drConfig("shop-2").build()).distribution().id()).isNotEqualTo(id);
    }

    @Test
    void anOriginGroupBehaviorCannotAllowWrites() {
        DistributionConfig writes = dr().defaultCacheBehavior(dr().build().defaultCacheBehavior().toBuilder()
                .allowedMethods(a -> a.quantity(7).itemsWithStrings("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST",
                        "DELETE").cachedMethods(c -> c.quantity(2).itemsWithStrings("GET", "HEAD"))).build()).build();

        InvalidArgumentException refused = Refusals.assertRefused(() -> create(writes),
                InvalidArgumentException.class, "InvalidArgument", 400);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("The parameter AllowedMethods cannot include"
                + " POST, PUT, PATCH, or DELETE for a cached behavior associated with an origin group.");

        DistributionConfig toOneOrigin = writes.toBuilder().defaultCacheBehavior(writes.defaultCacheBehavior()
                .toBuilder().targetOriginId(CloudFrontFixture.PRIMARY).build()).build();
        assertThat(create(toOneOrigin).distribution().status()).as("writes are fine towards a single origin")
                .isEqualTo("InProgress");
    }

    @Test
    void anUpdateIsValidatedLikeACreate() {
        String id = create(dr().build()).distribution().id();
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        DistributionConfig writes = current.distributionConfig().toBuilder().defaultCacheBehavior(current
                .distributionConfig().defaultCacheBehavior().toBuilder().allowedMethods(a -> a.quantity(7)
                        .itemsWithStrings("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE")
                        .cachedMethods(c -> c.quantity(2).itemsWithStrings("GET", "HEAD"))).build()).build();

        Refusals.assertRefused(() -> cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(writes)), InvalidArgumentException.class, "InvalidArgument", 400);
        assertThat(cloudFront.getDistribution(r -> r.id(id)).eTag()).isEqualTo(current.eTag());
    }

    @Test
    void connectionTimeoutIsOneToTenSecondsAndAttemptsOneToThree() {
        Refusals.assertRefused(() -> create(dr().origins(o -> o.quantity(2).items(
                        CloudFrontFixture.origin(CloudFrontFixture.PRIMARY, "p.example.net").toBuilder()
                                .connectionTimeout(11).build(),
                        CloudFrontFixture.origin(CloudFrontFixture.DR, "d.example.net"))).build()),
                InvalidArgumentException.class, "InvalidArgument", 400);
        Refusals.assertRefused(() -> create(dr().origins(o -> o.quantity(2).items(
                        CloudFrontFixture.origin(CloudFrontFixture.PRIMARY, "p.example.net").toBuilder()
                                .connectionAttempts(4).build(),
                        CloudFrontFixture.origin(CloudFrontFixture.DR, "d.example.net"))).build()),
                InvalidArgumentException.class, "InvalidArgument", 400);
        assertThat(create(dr().origins(o -> o.quantity(2).items(
                CloudFrontFixture.origin(CloudFrontFixture.PRIMARY, "p.example.net").toBuilder()
                        .connectionTimeout(10).connectionAttempts(3).build(),
                CloudFrontFixture.origin(CloudFrontFixture.DR, "d.example.net"))).build())).isNotNull();
    }

    @Test
    void anOriginGroupHasExactlyTwoExistingMembers() {
        Refusals.assertRefused(() -> create(dr().originGroups(g -> g.quantity(1).items(group -> group
                        .id(CloudFrontFixture.GROUP)
                        .failoverCriteria(f -> f.statusCodes(s -> s.quantity(1).items(503)))
                        .members(m -> m.quantity(1).items(i -> i.originId(CloudFrontFixture.PRIMARY))))).build()),
                InvalidArgumentException.class, "InvalidArgument", 400);
        Refusals.assertRefused(() -> create(dr().originGroups(g -> g.quantity(1).items(group -> group
                        .id(CloudFrontFixture.GROUP)
                        .failoverCriteria(f -> f.statusCodes(s -> s.quantity(1).items(503)))
                        .members(m -> m.quantity(2).items(i -> i.originId(CloudFrontFixture.PRIMARY),
                                i -> i.originId("missing"))))).build()),
                NoSuchOriginException.class, "NoSuchOrigin", 404);
    }

    @Test
    void theDefaultBehaviorMustTargetAnOriginOrGroup() {
        Refusals.assertRefused(() -> create(dr().defaultCacheBehavior(dr().build().defaultCacheBehavior().toBuilder()
                .targetOriginId("missing").build()).build()), NoSuchOriginException.class, "NoSuchOrigin", 404);
    }

    @Test
    void quantitiesMustMatchTheirItems() {
        Refusals.assertRefused(() -> create(dr().origins(o -> o.quantity(3).items(
                        CloudFrontFixture.origin(CloudFrontFixture.PRIMARY, "p.example.net"),
                        CloudFrontFixture.origin(CloudFrontFixture.DR, "d.example.net"))).build()),
                InconsistentQuantitiesException.class, "InconsistentQuantities", 400);
    }

    @Test
    void onlyManagedCachePoliciesExist() {
        Refusals.assertRefused(() -> create(dr().defaultCacheBehavior(dr().build().defaultCacheBehavior().toBuilder()
                        .cachePolicyId("00000000-0000-0000-0000-000000000000").build()).build()),
                NoSuchCachePolicyException.class, "NoSuchCachePolicy", 404);
    }

    @Test
    void theCallerReferenceCannotChangeOnUpdate() {
        String id = create(dr().build()).distribution().id();
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));

        Refusals.assertRefused(() -> cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                        .distributionConfig(current.distributionConfig().toBuilder().callerReference("other").build())),
                IllegalUpdateException.class, "IllegalUpdate", 400);
        cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig()));
    }

    @Test
    void aBehaviorWithoutACachePolicyNeedsLegacyCacheSettings() {
        DistributionConfig noPolicy = dr().defaultCacheBehavior(dr().build().defaultCacheBehavior().toBuilder()
                .cachePolicyId(null).originRequestPolicyId(null).build()).build();

        Refusals.assertRefused(() -> create(noPolicy), InvalidArgumentException.class, "InvalidArgument", 400);
        DistributionConfig legacy = noPolicy.toBuilder().defaultCacheBehavior(noPolicy.defaultCacheBehavior()
                .toBuilder().forwardedValues(f -> f.queryString(true).cookies(c -> c.forward("all"))
                        .headers(h -> h.quantity(0))).minTTL(0L).defaultTTL(0L).maxTTL(0L).build()).build();
        assertThat(create(legacy).distribution().distributionConfig().defaultCacheBehavior().forwardedValues()
                .queryString()).isTrue();
    }

    @Nested
    class Certificates {
        @Test
        void anAliasNeedsACertificate() {
            Refusals.assertRefused(() -> create(dr().aliases(a -> a.quantity(1).items("app.example.com")).build()),
                    InvalidViewerCertificateException.class, "InvalidViewerCertificate", 400);
        }

        @Test
        void theCertificateMustBeInUsEast1() {
            String west = CloudFrontFixture.issuedCertificate(cloud, "us-west-2", "app.example.com");
            DistributionConfig config = withCertificate(west);

            InvalidViewerCertificateException refused = Refusals.assertRefused(() -> create(config),
                    InvalidViewerCertificateException.class, "InvalidViewerCertificate", 400);
            assertThat(refused.awsErrorDetails().errorMessage()).contains("isn't in us-east-1 region");

            String east = CloudFrontFixture.issuedCertificate(cloud, "us-east-1", "app.example.com");
            assertThat(create(withCertificate(east).toBuilder().callerReference("shop-2").build())
                    .distribution().distributionConfig().viewerCertificate().acmCertificateArn()).isEqualTo(east);
        }

        @Test
        void theCertificateMustBeIssued() {
            String pending = cloud.acm("us-east-1").requestCertificate(r -> r.domainName("app.example.com")
                    .validationMethod("DNS")).certificateArn();

            Refusals.assertRefused(() -> create(withCertificate(pending)), InvalidViewerCertificateException.class,
                    "InvalidViewerCertificate", 400);
        }

        @Test
        void theCertificateMustCoverEveryAlias() {
            String cert = CloudFrontFixture.issuedCertificate(cloud, "us-east-1", "www.example.com");

            Refusals.assertRefused(() -> create(withCertificate(cert)), InvalidViewerCertificateException.class,
                    "InvalidViewerCertificate", 400);
            String wildcard = CloudFrontFixture.issuedCertificate(cloud, "us-east-1", "*.example.com");
            assertThat(create(withCertificate(wildcard))).isNotNull();
        }

        @Test
        void anAliasBelongsToOneDistribution() {
            String cert = CloudFrontFixture.issuedCertificate(cloud, "us-east-1", "app.example.com");
            create(withCertificate(cert));

            Refusals.assertRefused(() -> create(withCertificate(cert).toBuilder().callerReference("other").build()),
                    CnameAlreadyExistsException.class, "CNAMEAlreadyExists", 409);
        }

        @Test
        void aCertificateInUseByADistributionCannotBeDeletedUntilTheDistributionIsGone() {
            String cert = CloudFrontFixture.issuedCertificate(cloud, "us-east-1", "app.example.com");
            String id = create(withCertificate(cert)).distribution().id();

            Refusals.assertRefused(() -> cloud.acm("us-east-1").deleteCertificate(r -> r.certificateArn(cert)),
                    ResourceInUseException.class, "ResourceInUseException", 400);

            deleteDistribution(id);
            cloud.acm("us-east-1").deleteCertificate(r -> r.certificateArn(cert));
        }

        private DistributionConfig withCertificate(String arn) {
            return dr().aliases(a -> a.quantity(1).items("app.example.com"))
                    .viewerCertificate(v -> v.acmCertificateArn(arn).sslSupportMethod("sni-only")
                            .minimumProtocolVersion("TLSv1.2_2021"))
                    .build();
        }
    }

    @Nested
    class WebAcls {
        @Test
        void theWebAclMustBeAnExistingCloudFrontScopeAcl() {
            WebACLSummary regional = cloud.wafv2("us-east-1").createWebACL(WebAclFixture.drWebAcl("dr-shop", "REGIONAL",
                    2000).build()).summary();
            Refusals.assertRefused(() -> create(dr().webACLId(regional.arn()).build()), InvalidWebAclIdException.class,
                    "InvalidWebACLId", 400);
            Refusals.assertRefused(() -> create(dr().webACLId("arn:aws:wafv2:us-east-1:123456789012:global/webacl/"
                    + "nope/00000000-0000-0000-0000-000000000000").build()), InvalidWebAclIdException.class,
                    "InvalidWebACLId", 400);

            WebACLSummary global = cloud.wafv2("us-east-1").createWebACL(WebAclFixture.drWebAcl("dr-shop", "CLOUDFRONT",
                    2000).build()).summary();
            assertThat(create(dr().webACLId(global.arn()).build()).distribution().distributionConfig().webACLId())
                    .isEqualTo(global.arn());
        }

        @Test
        void anAttachedWebAclCannotBeDeletedUntilTheDistributionIsGone() {
            WebACLSummary acl = cloud.wafv2("us-east-1").createWebACL(WebAclFixture.drWebAcl("dr-shop", "CLOUDFRONT",
                    2000).build()).summary();
            String id = create(dr().webACLId(acl.arn()).build()).distribution().id();

            Refusals.assertRefused(() -> cloud.wafv2("us-east-1").deleteWebACL(r -> r.name("dr-shop")
                    .scope("CLOUDFRONT").id(acl.id()).lockToken(acl.lockToken())), WafAssociatedItemException.class,
                    "WAFAssociatedItemException", 400);

            deleteDistribution(id);
            cloud.wafv2("us-east-1").deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                    .lockToken(acl.lockToken()));
        }

        @Test
        void detachingTheWebAclReleasesIt() {
            WebACLSummary acl = cloud.wafv2("us-east-1").createWebACL(WebAclFixture.drWebAcl("dr-shop", "CLOUDFRONT",
                    2000).build()).summary();
            String id = create(dr().webACLId(acl.arn()).build()).distribution().id();
            GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
            Refusals.assertRefused(() -> cloud.wafv2("us-east-1").deleteWebACL(r -> r.name("dr-shop")
                    .scope("CLOUDFRONT").id(acl.id()).lockToken(acl.lockToken())), WafAssociatedItemException.class,
                    "WAFAssociatedItemException", 400);

            cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                    .distributionConfig(current.distributionConfig().toBuilder().webACLId("").build()));
            assertThat(cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig().webACLId()).isEmpty();

            cloud.wafv2("us-east-1").deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                    .lockToken(acl.lockToken()));

            assertThat(cloud.wafv2("us-east-1").listWebACLs(r -> r.scope("CLOUDFRONT")).webACLs()).isEmpty();
        }
    }

    private void deleteDistribution(String id) {
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        GetDistributionConfigResponse current = cloudFront.getDistributionConfig(r -> r.id(id));
        String eTag = cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build())).eTag();
        cloud.world().clock().advance(ModeledDurations.CLOUDFRONT_DEPLOY);
        cloudFront.deleteDistribution(r -> r.id(id).ifMatch(eTag));
    }
}
