package dr.regions.edge;

import dr.core.DrException;
import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.cdn.DistributionStep;
import dr.regions.certificates.CertificateSteps;
import dr.regions.dns.AppRecordStep;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HealthCheckStep;
import dr.regions.dns.PublicZoneCheck;
import dr.regions.firewall.WebAclStep;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.topology.Tier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeProvisioningTest {
    static final String PRIMARY = "us-east-1";
    static final String DR = "us-west-2";

    static String dns(String name) {
        return name.toLowerCase() + ".";
    }

    static HealthCheck onlyHealthCheck(EdgeSandbox sandbox) {
        List<HealthCheck> checks = sandbox.cloud.route53().listHealthChecks().healthChecks();
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    static Distribution onlyDistribution(EdgeSandbox sandbox) {
        var items = sandbox.cloud.cloudFront().listDistributions().distributionList().items();
        assertThat(items).hasSize(1);
        return sandbox.cloud.cloudFront().getDistribution(r -> r.id(items.get(0).id())).distribution();
    }

    static WebACL onlyWebAcl(EdgeSandbox sandbox) {
        var waf = sandbox.cloud.wafv2(Regions.GLOBAL_EDGE);
        List<WebACLSummary> acls = waf.listWebACLs(r -> r.scope("CLOUDFRONT")).webACLs();
        assertThat(acls).hasSize(1);
        return waf.getWebACL(r -> r.scope("CLOUDFRONT").name(acls.get(0).name()).id(acls.get(0).id())).webACL();
    }

    static List<CertificateDetail> certificates(EdgeSandbox sandbox, String region) {
        var acm = sandbox.cloud.acm(region);
        return acm.listCertificates(r -> { }).certificateSummaryList().stream()
                .map(CertificateSummary::certificateArn)
                .map(arn -> acm.describeCertificate(r -> r.certificateArn(arn)).certificate())
                .toList();
    }

    static Map<String, String> certificateTags(EdgeSandbox sandbox, String region, String arn) {
        return sandbox.cloud.acm(region).listTagsForCertificate(r -> r.certificateArn(arn)).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    @Nested
    class WithADomain {
        private final EdgeSandbox sandbox = new EdgeSandbox(EdgeSandbox.withDomain(PRIMARY, DR));
        private final ExecutionResult result = sandbox.provision();

        @Test
        void everyEdgeStepSucceedsAndEndsDeployedAndIssued() {
            assertThat(result.failed()).as("failed steps").isEmpty();
            assertThat(result.outcomes()).extracting(o -> o.key().toString()).contains(
                    "us-east-1/certificate", "us-west-2/certificate", "global/cdn-certificate", "global/web-acl",
                    "global/api-health-check", "global/distribution", "global/api-record", "global/app-record");
            assertThat(onlyDistribution(sandbox).status()).isEqualTo("Deployed");
        }

        @Test
        void apiFailsOverFromThePrimaryAppAlbWithTheHealthCheckToTheDrAppAlb() {
            List<ResourceRecordSet> api = sandbox.records("api.example.com", "A");
            HealthCheck check = onlyHealthCheck(sandbox);
            EdgeFixture.Alb primary = sandbox.alb(PRIMARY, Tier.APP);
            EdgeFixture.Alb dr = sandbox.alb(DR, Tier.APP);
            assertThat(api).hasSize(2);
            ResourceRecordSet first = api.stream().filter(s -> s.failoverAsString().equals("PRIMARY")).findFirst()
                    .orElseThrow();
            ResourceRecordSet second = api.stream().filter(s -> s.failoverAsString().equals("SECONDARY")).findFirst()
                    .orElseThrow();
            assertThat(first.setIdentifier()).isEqualTo("dr-primary");
            assertThat(first.healthCheckId()).isEqualTo(check.id());
            assertThat(first.aliasTarget().dnsName()).isEqualTo(dns(primary.dnsName()));
            assertThat(first.aliasTarget().hostedZoneId()).isEqualTo(primary.hostedZoneId());
            assertThat(first.aliasTarget().evaluateTargetHealth()).isTrue();
            assertThat(second.setIdentifier()).isEqualTo("dr-dr");
            assertThat(second.healthCheckId()).isNull();
            assertThat(second.aliasTarget().dnsName()).isEqualTo(dns(dr.dnsName()));
            assertThat(second.aliasTarget().hostedZoneId()).isEqualTo(dr.hostedZoneId());
            assertThat(second.aliasTarget().evaluateTargetHealth()).isTrue();
        }

        @Test
        void theHealthCheckProbesThePrimaryAppAlbWithTheStackSettingsAndIsTagged() {
            HealthCheck check = onlyHealthCheck(sandbox);
            var config = check.healthCheckConfig();
            assertThat(config.typeAsString()).isEqualTo("HTTP");
            assertThat(config.fullyQualifiedDomainName()).isEqualToIgnoringCase(sandbox.alb(PRIMARY, Tier.APP).dnsName());
            assertThat(config.port()).isEqualTo(80);
            assertThat(config.resourcePath()).isEqualTo("/health");
            assertThat(config.requestInterval()).isEqualTo(10);
            assertThat(config.failureThreshold()).isEqualTo(2);
            assertThat(check.callerReference()).startsWith("dr/dr/health-check/");
            var tags = sandbox.cloud.route53().listTagsForResource(r -> r.resourceType("healthcheck")
                    .resourceId(check.id())).resourceTagSet().tags();
            assertThat(tags).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("dr:stack");
                assertThat(t.value()).isEqualTo("dr");
            });
            assertThat(result.outcome(HealthCheckStep.KEY).outputs()).containsEntry("detectionSeconds", "20");
        }

        @Test
        void theDetectionTimeAndTheCloudFrontWorstCaseAreStated() {
            assertThat(EdgeSteps.detectionTime(sandbox.spec)).isEqualTo(Duration.ofSeconds(20));
            assertThat(EdgeSteps.worstCasePerRequest()).isEqualTo(Duration.ofSeconds(3));
            assertThat(EdgeSteps.notes(sandbox.spec)).anySatisfy(n -> assertThat(n).contains("detection 20 s"))
                    .anySatisfy(n -> assertThat(n).contains("3 s per request"));
            assertThat(EdgeSteps.skipped(sandbox.spec)).isEmpty();
        }

        @Test
        void eachRegionHasAnIssuedWildcardCertificateAndCloudFrontsIsInUsEast1() {
            for (String region : List.of(PRIMARY, DR)) {
                String arn = result.outcome(StepKey.of(region, "certificate")).outputs().get("arn");
                assertThat(arn).contains(":acm:" + region + ":");
                CertificateDetail detail = sandbox.cloud.acm(region).describeCertificate(r -> r.certificateArn(arn))
                        .certificate();
                assertThat(detail.domainName()).isEqualTo("*.example.com");
                assertThat(detail.statusAsString()).isEqualTo("ISSUED");
                assertThat(certificateTags(sandbox, region, arn)).containsEntry("dr:stack", "dr")
                        .containsEntry("dr:role", "certificate");
            }
            String cdn = result.outcome(CertificateSteps.cdnKey()).outputs().get("arn");
            assertThat(cdn).contains(":acm:us-east-1:");
            assertThat(sandbox.cloud.acm(PRIMARY).describeCertificate(r -> r.certificateArn(cdn)).certificate()
                    .domainName()).isEqualTo("app.example.com");
        }

        @Test
        void validationRecordsStayInThePublicZone() {
            List<CertificateDetail> all = certificates(sandbox, PRIMARY);
            assertThat(all).hasSize(2);
            for (CertificateDetail certificate : all) {
                assertThat(certificate.domainValidationOptions()).as(certificate.domainName()).isNotEmpty();
                for (var option : certificate.domainValidationOptions()) {
                    assertThat(sandbox.records(option.resourceRecord().name().replaceAll("\\.$", ""), "CNAME"))
                            .singleElement().satisfies(s -> assertThat(s.resourceRecords().get(0).value())
                                    .isEqualTo(option.resourceRecord().value()));
                }
            }
        }

        @Test
        void theDistributionFailsOverBetweenTheWebAlbsForReadsOnlyWithNothingCached() {
            DistributionConfig config = onlyDistribution(sandbox).distributionConfig();
            assertThat(config.origins().items()).extracting(Origin::id).containsExactly("web-us-east-1", "web-us-west-2");
            assertThat(config.origins().items()).extracting(Origin::domainName).containsExactly(
                    sandbox.alb(PRIMARY, Tier.WEB).dnsName(), sandbox.alb(DR, Tier.WEB).dnsName());
            assertThat(config.origins().items()).allSatisfy(o -> {
                assertThat(o.connectionTimeout()).isEqualTo(3);
                assertThat(o.connectionAttempts()).isEqualTo(1);
                assertThat(o.customOriginConfig().originProtocolPolicyAsString()).isEqualTo("https-only");
            });
            var group = config.originGroups().items().get(0);
            assertThat(group.members().items()).extracting(m -> m.originId())
                    .containsExactly("web-us-east-1", "web-us-west-2");
            assertThat(group.failoverCriteria().statusCodes().items()).containsExactlyInAnyOrder(500, 502, 503, 504);
            var behavior = config.defaultCacheBehavior();
            assertThat(behavior.targetOriginId()).isEqualTo(group.id());
            assertThat(behavior.allowedMethods().itemsAsStrings()).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
            assertThat(behavior.viewerProtocolPolicyAsString()).isEqualTo("redirect-to-https");
            assertThat(behavior.cachePolicyId()).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
            assertThat(behavior.originRequestPolicyId()).isEqualTo("216adef6-5c7f-47e4-b989-5492eafa07d3");
        }

        @Test
        void theDistributionAnswersForAppWithTheUsEast1CertificateBehindTheWebAcl() {
            Distribution distribution = onlyDistribution(sandbox);
            DistributionConfig config = distribution.distributionConfig();
            assertThat(config.aliases().items()).containsExactly("app.example.com");
            assertThat(config.viewerCertificate().acmCertificateArn())
                    .isEqualTo(result.outcome(CertificateSteps.cdnKey()).outputs().get("arn"));
            assertThat(config.viewerCertificate().sslSupportMethodAsString()).isEqualTo("sni-only");
            assertThat(config.viewerCertificate().minimumProtocolVersionAsString()).isEqualTo("TLSv1.2_2021");
            assertThat(config.webACLId()).isEqualTo(onlyWebAcl(sandbox).arn());
            assertThat(config.comment()).isEqualTo("dr/dr/distribution");
            var tags = sandbox.cloud.cloudFront().listTagsForResource(r -> r.resource(distribution.arn())).tags().items();
            assertThat(tags).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("dr:role");
                assertThat(t.value()).isEqualTo("distribution");
            });
            ResourceRecordSet app = sandbox.records("app.example.com", "A").get(0);
            assertThat(app.aliasTarget().dnsName()).isEqualTo(distribution.domainName() + ".");
            assertThat(app.aliasTarget().hostedZoneId()).isEqualTo("Z2FDTNDATAQYW2");
            assertThat(app.aliasTarget().evaluateTargetHealth()).isFalse();
        }

        @Test
        void theWebAclIsCloudFrontScopedInUsEast1WithManagedGroupsAndARateLimit() {
            WebACL acl = onlyWebAcl(sandbox);
            assertThat(acl.arn()).startsWith("arn:aws:wafv2:us-east-1:").contains(":global/webacl/dr-web-acl/");
            assertThat(acl.defaultAction().allow()).isNotNull();
            assertThat(acl.rules()).extracting(Rule::name).containsExactly("rate-limit-per-ip",
                    "AWS-AWSManagedRulesAmazonIpReputationList", "AWS-AWSManagedRulesCommonRuleSet",
                    "AWS-AWSManagedRulesKnownBadInputsRuleSet");
            Rule rate = acl.rules().get(0);
            assertThat(rate.statement().rateBasedStatement().limit()).isEqualTo(2000L);
            assertThat(rate.statement().rateBasedStatement().aggregateKeyTypeAsString()).isEqualTo("IP");
            assertThat(rate.statement().rateBasedStatement().evaluationWindowSec()).isEqualTo(300L);
            assertThat(rate.action().block()).isNotNull();
            assertThat(acl.rules().subList(1, 4)).allSatisfy(r -> {
                assertThat(r.statement().managedRuleGroupStatement().vendorName()).isEqualTo("AWS");
                assertThat(r.overrideAction().none()).isNotNull();
                assertThat(r.visibilityConfig().cloudWatchMetricsEnabled()).isTrue();
            });
            assertThat(sandbox.cloud.wafv2(PRIMARY).listWebACLs(r -> r.scope("REGIONAL")).webACLs()).isEmpty();
            assertThat(sandbox.cloud.wafv2(PRIMARY).listTagsForResource(r -> r.resourceARN(acl.arn()))
                    .tagInfoForResource().tagList()).anySatisfy(t -> assertThat(t.key()).isEqualTo("dr:stack"));
        }
    }

    @Nested
    class WithoutADomain {
        private final EdgeSandbox sandbox = new EdgeSandbox(StackSpec.defaults(PRIMARY, DR));
        private final ExecutionResult result = sandbox.provision();

        @Test
        void theHealthCheckDistributionAndWebAclAreStillBuilt() {
            assertThat(result.failed()).isEmpty();
            assertThat(onlyHealthCheck(sandbox).healthCheckConfig().fullyQualifiedDomainName())
                    .isEqualToIgnoringCase(sandbox.alb(PRIMARY, Tier.APP).dnsName());
            Distribution distribution = onlyDistribution(sandbox);
            assertThat(distribution.status()).isEqualTo("Deployed");
            assertThat(distribution.distributionConfig().webACLId()).isEqualTo(onlyWebAcl(sandbox).arn());
        }

        @Test
        void theDistributionUsesCloudFrontsCertificateAndHttpToTheOrigins() {
            DistributionConfig config = onlyDistribution(sandbox).distributionConfig();
            assertThat(config.aliases().items()).isEmpty();
            assertThat(config.viewerCertificate().cloudFrontDefaultCertificate()).isTrue();
            assertThat(config.origins().items()).allSatisfy(o ->
                    assertThat(o.customOriginConfig().originProtocolPolicyAsString()).isEqualTo("http-only"));
        }

        @Test
        void noCertificateAndNoRecordIsMadeAndTheSummarySaysSo() {
            for (String region : List.of(PRIMARY, DR)) {
                assertThat(certificates(sandbox, region)).as("certificates in %s", region).isEmpty();
            }
            assertThat(sandbox.cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(sandbox.zoneId()))
                    .resourceRecordSets()).extracting(ResourceRecordSet::typeAsString).containsOnly("SOA", "NS");
            assertThat(result.outcomes()).extracting(StepOutcome::key).doesNotContain(CertificateSteps.cdnKey(),
                    FailoverRecordsStep.KEY, AppRecordStep.KEY, StepKey.of(PRIMARY, "certificate"));
            assertThat(EdgeSteps.skipped(sandbox.spec)).anySatisfy(s -> assertThat(s).contains("no ACM certificates"))
                    .anySatisfy(s -> assertThat(s).contains("api."))
                    .anySatisfy(s -> assertThat(s).contains("app."));
        }
    }

    @Test
    void cloudFrontsCertificateAndWebAclAreInUsEast1EvenWhenTheStackIsInEurope() {
        EdgeSandbox sandbox = new EdgeSandbox(EdgeSandbox.withDomain("eu-west-1", "eu-central-1"));
        ExecutionResult result = sandbox.provision();
        assertThat(result.failed()).isEmpty();
        assertThat(result.outcome(CertificateSteps.cdnKey()).outputs().get("arn")).contains(":acm:us-east-1:");
        assertThat(result.outcome(StepKey.of("eu-west-1", "certificate")).outputs().get("arn"))
                .contains(":acm:eu-west-1:");
        assertThat(result.outcome(StepKey.of("eu-central-1", "certificate")).outputs().get("arn"))
                .contains(":acm:eu-central-1:");
        assertThat(certificates(sandbox, "us-east-1")).extracting(CertificateDetail::domainName)
                .containsExactly("app.example.com");
        assertThat(result.outcome(WebAclStep.KEY).outputs().get("arn")).startsWith("arn:aws:wafv2:us-east-1:");
        assertThatThrownBy(() -> sandbox.cloud.wafv2("eu-west-1").listWebACLs(r -> r.scope("CLOUDFRONT")))
                .hasMessageContaining("scope");
        assertThat(onlyDistribution(sandbox).distributionConfig().origins().items()).extracting(Origin::id)
                .containsExactly("web-eu-west-1", "web-eu-central-1");
    }

    @Test
    void aStackWithADomainTheAccountDoesNotHostIsRefusedBeforeAnyChange() {
        EdgeSandbox sandbox = new EdgeSandbox(StackSpec.defaults(PRIMARY, DR).withDomain("not-mine.org"));
        long before = sandbox.cloud.world().calls().mutating();
        assertThatThrownBy(() -> PublicZoneCheck.verify(sandbox.spec, sandbox.cloud))
                .isInstanceOf(DrException.class)
                .hasMessage("no public hosted zone for not-mine.org in this account; dr does not register domains")
                .satisfies(e -> assertThat(((DrException) e).exitCode().code()).isEqualTo(2));
        assertThat(sandbox.cloud.world().calls().mutating()).isEqualTo(before);
        assertThat(PublicZoneCheck.verify(EdgeSandbox.withDomain(PRIMARY, DR), sandbox.cloud))
                .hasValueSatisfying(id -> assertThat(id).isEqualTo(sandbox.zoneId()));
        assertThat(PublicZoneCheck.verify(StackSpec.defaults(PRIMARY, DR), sandbox.cloud)).isEmpty();
    }

    @Test
    void aSecondRunChangesNothing() {
        EdgeSandbox sandbox = new EdgeSandbox(EdgeSandbox.withDomain(PRIMARY, DR));
        assertThat(sandbox.provision().failed()).isEmpty();
        long mutating = sandbox.cloud.world().calls().mutating();
        ExecutionResult second = sandbox.provision();
        assertThat(second.failed()).isEmpty();
        assertThat(second.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(sandbox.cloud.world().calls().mutating()).as("mutating calls on the second run").isEqualTo(mutating);
        assertThat(second.duration()).as("nothing to wait for either").isZero();
    }

    @Test
    void aSecondRunWithoutADomainChangesNothing() {
        EdgeSandbox sandbox = new EdgeSandbox(StackSpec.defaults(PRIMARY, DR));
        sandbox.provision();
        long mutating = sandbox.cloud.world().calls().mutating();
        assertThat(sandbox.provision().outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(sandbox.cloud.world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void theStepsAreTheOnesTheLeadWires() {
        StackSpec spec = EdgeSandbox.withDomain(PRIMARY, DR);
        assertThat(EdgeSteps.forStack(spec, new InMemoryCloud()))
                .extracting(s -> s.key().toString())
                .containsExactlyInAnyOrder("global/web-acl", "global/api-health-check", "global/cdn-certificate",
                        "global/distribution", "global/api-record", "global/app-record");
        assertThat(EdgeSteps.forStack(spec, new InMemoryCloud()).stream()
                .filter(s -> s.key().equals(DistributionStep.KEY)).findFirst().orElseThrow().dependsOn())
                .contains(StepKey.of(PRIMARY, "alb-web"), StepKey.of(DR, "alb-web"), WebAclStep.KEY,
                        CertificateSteps.cdnKey());
        assertThat(SandboxAccount.PUBLIC_DOMAIN).isEqualTo(spec.domain());
    }
}
