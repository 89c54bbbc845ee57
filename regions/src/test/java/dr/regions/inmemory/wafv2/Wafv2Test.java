package dr.regions.inmemory.wafv2;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.route53.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ParameterExceptionField;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Tag;
import software.amazon.awssdk.services.wafv2.model.WafAssociatedItemException;
import software.amazon.awssdk.services.wafv2.model.WafDuplicateItemException;
import software.amazon.awssdk.services.wafv2.model.WafInvalidParameterException;
import software.amazon.awssdk.services.wafv2.model.WafLimitsExceededException;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;

import java.util.ArrayList;
import java.util.List;

import static dr.regions.inmemory.wafv2.WebAclFixture.drWebAcl;
import static dr.regions.inmemory.wafv2.WebAclFixture.managed;
import static org.assertj.core.api.Assertions.assertThat;

class Wafv2Test {
    private InMemoryCloud cloud;
    private Wafv2Client usEast1;

    @BeforeEach
    void emptyCloud() {
        cloud = new InMemoryCloud();
        usEast1 = cloud.wafv2("us-east-1");
    }

    @Test
    void aCloudFrontScopeWebAclIsGlobalAndLivesInUsEast1() {
        WebACLSummary summary = usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()).summary();

        assertThat(summary.arn()).isEqualTo("arn:aws:wafv2:us-east-1:123456789012:global/webacl/dr-shop/"
                + summary.id());
        assertThat(summary.lockToken()).isNotBlank();
        WebACL acl = usEast1.getWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(summary.id())).webACL();
        assertThat(acl.rules()).extracting(Rule::name).containsExactly("common", "bad-inputs", "ip-reputation", "rate");
        assertThat(acl.capacity()).isEqualTo(700 + 200 + 25 + 2);
        assertThat(acl.defaultAction().allow()).isNotNull();
    }

    @Test
    void theCloudFrontScopeIsRefusedOutsideUsEast1() {
        WafInvalidParameterException refused = Refusals.assertRefused(
                () -> cloud.wafv2("us-west-2").createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
        assertThat(refused.field()).isEqualTo(ParameterExceptionField.SCOPE_VALUE);
        assertThat(refused.parameter()).isEqualTo("CLOUDFRONT");

        WebACLSummary regional = cloud.wafv2("us-west-2").createWebACL(drWebAcl("dr-shop", "REGIONAL", 2000).build())
                .summary();
        assertThat(regional.arn()).startsWith("arn:aws:wafv2:us-west-2:123456789012:regional/webacl/dr-shop/");
    }

    @Test
    void aNameIsUniqueWithinAScope() {
        usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build());

        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()),
                WafDuplicateItemException.class, "WAFDuplicateItemException", 400);
        assertThat(usEast1.createWebACL(drWebAcl("dr-shop", "REGIONAL", 2000).build()).summary().name())
                .isEqualTo("dr-shop");
    }

    @Test
    void theRateLimitStartsAtTen() {
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 9).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
        assertThat(usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 10).build()).summary()).isNotNull();
    }

    @Test
    void aVisibilityConfigIsRequired() {
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000)
                        .visibilityConfig((software.amazon.awssdk.services.wafv2.model.VisibilityConfig) null).build()),
                Wafv2Exception.class, "ValidationException", 400);
    }

    @Test
    void aManagedRuleGroupNeedsAnOverrideActionAndMustExist() {
        Rule withAction = managed("common", 0, "AWSManagedRulesCommonRuleSet").toBuilder()
                .overrideAction((software.amazon.awssdk.services.wafv2.model.OverrideAction) null)
                .action(a -> a.block(b -> { })).build();
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("a", "CLOUDFRONT", 2000).rules(withAction).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("b", "CLOUDFRONT", 2000)
                        .rules(managed("x", 0, "AWSManagedRulesNoSuchRuleSet")).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
    }

    @Test
    void ruleNamesAndPrioritiesAreUniqueWithinAWebAcl() {
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("a", "CLOUDFRONT", 2000).rules(
                        managed("same", 0, "AWSManagedRulesCommonRuleSet"),
                        managed("same", 1, "AWSManagedRulesKnownBadInputsRuleSet")).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("b", "CLOUDFRONT", 2000).rules(
                        managed("one", 0, "AWSManagedRulesCommonRuleSet"),
                        managed("two", 0, "AWSManagedRulesKnownBadInputsRuleSet")).build()),
                WafInvalidParameterException.class, "WAFInvalidParameterException", 400);
        assertThat(usEast1.createWebACL(drWebAcl("c", "CLOUDFRONT", 2000).rules(
                managed("one", 0, "AWSManagedRulesCommonRuleSet"),
                managed("two", 1, "AWSManagedRulesKnownBadInputsRuleSet")).build()).summary()).isNotNull();
    }

    @Test
    void aWebAclCannotExceedItsCapacity() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rules.add(managed("common-" + i, i, "AWSManagedRulesCommonRuleSet"));
        }

        Refusals.assertRefused(() -> usEast1.createWebACL(drWebAcl("big", "CLOUDFRONT", 2000).rules(rules).build()),
                WafLimitsExceededException.class, "WAFLimitsExceededException", 400);
        assertThat(usEast1.createWebACL(drWebAcl("big", "CLOUDFRONT", 2000).rules(rules.subList(0, 7)).build())
                .summary()).isNotNull();
    }

    @Test
    void anUpdateWithAStaleLockTokenIsRefusedAndEachChangeIssuesANewToken() {
        WebACLSummary acl = usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()).summary();
        String next = usEast1.updateWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                .lockToken(acl.lockToken()).defaultAction(a -> a.block(b -> { }))
                .visibilityConfig(v -> v.metricName("dr-shop").sampledRequestsEnabled(true)
                        .cloudWatchMetricsEnabled(true))).nextLockToken();

        assertThat(next).isNotEqualTo(acl.lockToken());
        Refusals.assertRefused(() -> usEast1.updateWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                        .lockToken(acl.lockToken()).defaultAction(a -> a.allow(b -> { }))
                        .visibilityConfig(v -> v.metricName("dr-shop").sampledRequestsEnabled(true)
                                .cloudWatchMetricsEnabled(true))),
                WafOptimisticLockException.class, "WAFOptimisticLockException", 400);
        assertThat(usEast1.getWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())).lockToken())
                .isEqualTo(next);
    }

    @Test
    void aWebAclADistributionUsesCannotBeDeletedUntilItIsReleased() {
        WebACLSummary acl = usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()).summary();
        String distribution = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE";
        cloud.world().dependencies.use(distribution, acl.arn());

        Refusals.assertRefused(() -> usEast1.deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                .lockToken(acl.lockToken())), WafAssociatedItemException.class, "WAFAssociatedItemException", 400);

        cloud.world().dependencies.release(distribution);
        usEast1.deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id()).lockToken(acl.lockToken()));
        Refusals.assertRefused(() -> usEast1.getWebACL(r -> r.arn(acl.arn())), WafNonexistentItemException.class,
                "WAFNonexistentItemException", 400);
    }

    @Test
    void aDeleteWithAStaleLockTokenIsRefused() {
        WebACLSummary acl = usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()).summary();

        Refusals.assertRefused(() -> usEast1.deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id())
                .lockToken("stale")), WafOptimisticLockException.class, "WAFOptimisticLockException", 400);
        usEast1.deleteWebACL(r -> r.name("dr-shop").scope("CLOUDFRONT").id(acl.id()).lockToken(acl.lockToken()));
    }

    @Test
    void listingPagesWithinAScopeAndTagsAreKept() {
        for (int i = 0; i < 3; i++) {
            usEast1.createWebACL(drWebAcl("acl-" + i, "CLOUDFRONT", 2000)
                    .tags(Tag.builder().key("dr:stack").value("shop").build()).build());
        }
        usEast1.createWebACL(drWebAcl("regional", "REGIONAL", 2000).build());

        var first = usEast1.listWebACLs(r -> r.scope("CLOUDFRONT").limit(2));
        var second = usEast1.listWebACLs(r -> r.scope("CLOUDFRONT").limit(2).nextMarker(first.nextMarker()));
        assertThat(first.webACLs()).extracting(WebACLSummary::name).containsExactly("acl-0", "acl-1");
        assertThat(second.webACLs()).extracting(WebACLSummary::name).containsExactly("acl-2");
        assertThat(second.nextMarker()).isNull();
        String arn = first.webACLs().get(0).arn();
        assertThat(usEast1.listTagsForResource(r -> r.resourceARN(arn)).tagInfoForResource().tagList())
                .containsExactly(Tag.builder().key("dr:stack").value("shop").build());
    }

    @Test
    void rightAfterCreateAListMayMissTheWebAclOnceWhenEventualConsistencyIsOn() {
        cloud.world().faults().eventualConsistency(true);
        usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build());

        assertThat(usEast1.listWebACLs(r -> r.scope("CLOUDFRONT")).webACLs()).isEmpty();
        assertThat(usEast1.listWebACLs(r -> r.scope("CLOUDFRONT")).webACLs()).hasSize(1);
    }

    @Test
    void webAclsSurviveTheSandboxFile() {
        WebACLSummary acl = usEast1.createWebACL(drWebAcl("dr-shop", "CLOUDFRONT", 2000).build()).summary();

        InMemoryCloud resumed = new InMemoryCloud(SandboxStore.fromJson(SandboxStore.toJson(cloud.world())));

        assertThat(resumed.wafv2("us-east-1").getWebACL(r -> r.arn(acl.arn())).webACL())
                .isEqualTo(usEast1.getWebACL(r -> r.arn(acl.arn())).webACL());
    }
}
