package dr.regions.edge;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.cdn.DistributionStep;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HealthCheckStep;
import dr.regions.firewall.WebAclStep;
import dr.regions.inmemory.route53.EdgeFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.wafv2.model.WebACL;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator changed by hand on dr's edge resources is put back by the next run, reported as update. */
class EdgeDriftTest {
    private final EdgeSandbox sandbox = new EdgeSandbox(EdgeSandbox.withDomain("us-east-1", "us-west-2"));

    @Test
    void aDistributionEditedInTheConsoleIsUpdatedWithItsCurrentETagAndRedeployed() {
        sandbox.provision();
        var cloudFront = sandbox.cloud.cloudFront();
        String id = cloudFront.listDistributions().distributionList().items().get(0).id();
        var current = cloudFront.getDistributionConfig(r -> r.id(id));
        DistributionConfig slow = current.distributionConfig().toBuilder()
                .origins(o -> o.quantity(2).items(current.distributionConfig().origins().items().stream()
                        .map(origin -> origin.toBuilder().connectionTimeout(10).connectionAttempts(3).build())
                        .toList()))
                .webACLId("")
                .comment("edited by hand")
                .build();
        cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag()).distributionConfig(slow));
        sandbox.cloud.world().clock().advance(Duration.ofMinutes(10));

        ExecutionResult repaired = sandbox.provision();
        assertThat(repaired.outcome(DistributionStep.KEY).action()).isEqualTo(Action.UPDATE);
        DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig();
        assertThat(config.origins().items()).allSatisfy(o -> {
            assertThat(o.connectionTimeout()).isEqualTo(3);
            assertThat(o.connectionAttempts()).isEqualTo(1);
        });
        assertThat(config.webACLId()).isNotEmpty();
        assertThat(config.comment()).as("found by its tags, comment restored").isEqualTo("dr/dr/distribution");
        assertThat(cloudFront.getDistribution(r -> r.id(id)).distribution().status()).isEqualTo("Deployed");
        assertThat(cloudFront.listDistributions().distributionList().items()).hasSize(1);
    }

    @Test
    void aRemovedWafRuleIsPutBack() {
        sandbox.provision();
        var waf = sandbox.cloud.wafv2(Regions.GLOBAL_EDGE);
        var summary = waf.listWebACLs(r -> r.scope("CLOUDFRONT")).webACLs().get(0);
        var read = waf.getWebACL(r -> r.scope("CLOUDFRONT").name(summary.name()).id(summary.id()));
        WebACL acl = read.webACL();
        waf.updateWebACL(r -> r.scope("CLOUDFRONT").name(acl.name()).id(acl.id()).lockToken(read.lockToken())
                .defaultAction(acl.defaultAction()).visibilityConfig(acl.visibilityConfig())
                .rules(acl.rules().subList(1, acl.rules().size())));

        assertThat(sandbox.provision().outcome(WebAclStep.KEY).action()).isEqualTo(Action.UPDATE);
        assertThat(waf.getWebACL(r -> r.scope("CLOUDFRONT").name(acl.name()).id(acl.id())).webACL().rules())
                .hasSize(4);
    }

    @Test
    void aRepointedPrimaryRecordAndALoosenedHealthCheckAreRestored() {
        sandbox.provision();
        HealthCheck check = sandbox.cloud.route53().listHealthChecks().healthChecks().get(0);
        sandbox.cloud.route53().updateHealthCheck(r -> r.healthCheckId(check.id()).failureThreshold(5)
                .resourcePath("/"));
        ResourceRecordSet primary = sandbox.records("api.example.com", "A").stream()
                .filter(s -> "PRIMARY".equals(s.failoverAsString())).findFirst().orElseThrow();
        EdgeFixture.change(sandbox.cloud.route53(), sandbox.zoneId(), ChangeAction.UPSERT, primary.toBuilder()
                .aliasTarget(primary.aliasTarget().toBuilder().evaluateTargetHealth(false).build()).build());

        ExecutionResult repaired = sandbox.provision();
        assertThat(repaired.outcome(HealthCheckStep.KEY).action()).isEqualTo(Action.UPDATE);
        assertThat(repaired.outcome(FailoverRecordsStep.KEY).action()).isEqualTo(Action.UPDATE);
        var config = sandbox.cloud.route53().getHealthCheck(r -> r.healthCheckId(check.id())).healthCheck()
                .healthCheckConfig();
        assertThat(config.failureThreshold()).isEqualTo(2);
        assertThat(config.resourcePath()).isEqualTo("/health");
        assertThat(sandbox.records("api.example.com", "A"))
                .allSatisfy(s -> assertThat(s.aliasTarget().evaluateTargetHealth()).isTrue());
    }

    @Test
    void aNewHealthCheckIntervalReplacesTheCheckAndTheOldOneGoesOnceTheRecordNoLongerNamesIt() {
        sandbox.provision();
        String old = sandbox.cloud.route53().listHealthChecks().healthChecks().get(0).id();
        EdgeSandbox changed = new EdgeSandbox(sandbox, withInterval(30));

        ExecutionResult result = changed.provision();
        assertThat(result.failed()).isEmpty();
        assertThat(result.outcome(HealthCheckStep.KEY).action()).isEqualTo(Action.CREATE);
        assertThat(result.outcome(FailoverRecordsStep.KEY).action()).isEqualTo(Action.UPDATE);
        List<HealthCheck> checks = sandbox.cloud.route53().listHealthChecks().healthChecks();
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.id()).isNotEqualTo(old);
            assertThat(c.healthCheckConfig().requestInterval()).isEqualTo(30);
        });
        assertThat(sandbox.records("api.example.com", "A"))
                .anySatisfy(s -> assertThat(s.healthCheckId()).isEqualTo(checks.get(0).id()));
        assertThat(EdgeSteps.detectionTime(changed.spec)).hasSeconds(60);
    }

    @Test
    void aRecordDrDidNotCreateAtTheApiNameStopsTheStepUntilItIsRemoved() {
        ResourceRecordSet manual = ResourceRecordSet.builder().name("api.example.com").type("A").ttl(300L)
                .resourceRecords(v -> v.value("192.0.2.10")).build();
        EdgeFixture.change(sandbox.cloud.route53(), sandbox.zoneId(), ChangeAction.CREATE, manual);

        ExecutionResult refused = sandbox.provision();
        assertThat(refused.outcome(FailoverRecordsStep.KEY).succeeded()).isFalse();
        assertThat(refused.outcome(FailoverRecordsStep.KEY).message())
                .contains("api.example.com. A already has record sets dr did not create ([a simple record])");
        assertThat(sandbox.records("api.example.com", "A")).as("the operator's record is left alone")
                .singleElement().satisfies(s -> assertThat(s.resourceRecords().get(0).value()).isEqualTo("192.0.2.10"));

        EdgeFixture.change(sandbox.cloud.route53(), sandbox.zoneId(), ChangeAction.DELETE, manual);
        ExecutionResult accepted = sandbox.provision();
        assertThat(accepted.failed()).isEmpty();
        assertThat(sandbox.records("api.example.com", "A")).extracting(ResourceRecordSet::setIdentifier)
                .containsExactlyInAnyOrder("dr-primary", "dr-dr");
    }

    private StackSpec withInterval(int seconds) {
        var s = sandbox.spec;
        return new StackSpec(s.stack(), s.primaryRegion(), s.drRegion(), s.primaryCidr(), s.drCidr(),
                s.domain(), s.adminCidr(), s.natPerAz(), s.webInstanceType(), s.appInstanceType(), s.dbInstanceClass(),
                s.dbAllocatedStorageGib(), s.dbEngineVersion(), s.dbName(), s.dbMasterUsername(), s.primaryCapacity(),
                s.drCapacity(), s.healthCheckPath(), seconds, s.healthCheckFailureThreshold(), s.internalZone());
    }
}
