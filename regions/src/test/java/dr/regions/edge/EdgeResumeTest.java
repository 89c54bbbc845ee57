package dr.regions.edge;

import dr.core.engine.ExecutionResult;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.topology.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A process killed at any mutating call of the edge is finished by the next run, with nothing made twice. */
class EdgeResumeTest {
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";

    enum Domain { WITH, WITHOUT }

    private static StackSpec spec(Domain domain) {
        return domain == Domain.WITH ? EdgeSandbox.withDomain(PRIMARY, DR) : StackSpec.defaults(PRIMARY, DR);
    }

    @ParameterizedTest
    @EnumSource(Domain.class)
    void aCrashAtEachEdgeMutatingCallIsFinishedByARerunWithoutDuplicates(Domain domain) {
        EdgeSandbox reference = new EdgeSandbox(spec(domain));
        long before = reference.cloud.world().calls().mutating();
        assertThat(reference.provision().failed()).isEmpty();
        long calls = reference.cloud.world().calls().mutating() - before;
        Map<String, Integer> expected = inventory(reference);
        assertThat(calls).as("mutating calls of one edge run").isGreaterThan(3);
        for (Faults.CrashPoint point : Faults.CrashPoint.values()) {
            for (long crashAt = 1; crashAt <= calls; crashAt++) {
                EdgeSandbox run = new EdgeSandbox(spec(domain));
                run.cloud.world().faults().crashAtMutatingCall(crashAt, point);
                assertThatThrownBy(run::provision).isInstanceOf(SimulatedCrash.class);
                run.cloud.world().faults().noCrash();
                ExecutionResult resumed = run.provision();
                assertThat(resumed.failed()).as("re-run after a crash %s call %d", point, crashAt).isEmpty();
                assertThat(inventory(run)).as("resources after a crash %s call %d", point, crashAt)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void anEdgeRunSurvivesEventuallyConsistentReadsAfterCreates() {
        EdgeSandbox sandbox = new EdgeSandbox(spec(Domain.WITH));
        sandbox.cloud.world().faults().eventualConsistency(true);
        assertThat(sandbox.provision().failed()).isEmpty();
        sandbox.cloud.world().faults().eventualConsistency(false);
        EdgeSandbox reference = new EdgeSandbox(spec(Domain.WITH));
        reference.provision();
        assertThat(inventory(sandbox)).isEqualTo(inventory(reference));
    }

    /** How many of each edge resource exist, and the record sets of the public zone by name and type. */
    static Map<String, Integer> inventory(EdgeSandbox sandbox) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String region : List.of(PRIMARY, DR)) {
            counts.put(region + " certificates", sandbox.cloud.acm(region).listCertificates(r -> { })
                    .certificateSummaryList().size());
            String web = sandbox.alb(region, Tier.WEB).arn();
            counts.put(region + " web listeners", sandbox.cloud.elb(region)
                    .describeListeners(r -> r.loadBalancerArn(web)).listeners().size());
        }
        counts.put("health checks", sandbox.cloud.route53().listHealthChecks().healthChecks().size());
        counts.put("distributions", sandbox.cloud.cloudFront().listDistributions().distributionList().items().size());
        counts.put("web ACLs", sandbox.cloud.wafv2(Regions.GLOBAL_EDGE).listWebACLs(r -> r.scope("CLOUDFRONT"))
                .webACLs().size());
        sandbox.cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(sandbox.zoneId())).resourceRecordSets()
                .forEach(s -> counts.merge("record " + s.typeAsString() + " "
                        + s.name().replaceAll("^_[0-9a-f]+\\.", "_validation."), 1, Integer::sum));
        return counts;
    }
}
