package dr.regions.compute;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepOutcome;
import dr.core.model.StackSpec;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.loadbalancing.TiersFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Idempotence and resume of the load-balanced tiers, with the network and security groups they stand on. */
class TiersResumeTest {

    @Test
    void provisioningTwiceMakesNoMutatingCallAndKeepsEverything() {
        TiersFixture fixture = new TiersFixture();
        fixture.provision(TiersFixture.spec());
        long mutatingBefore = fixture.cloud().world().calls().mutating();

        ExecutionResult second = fixture.provision(TiersFixture.spec());

        assertThat(second.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(fixture.cloud().world().calls().mutating()).as("mutating calls on the second run")
                .isEqualTo(mutatingBefore);
    }

    @Test
    void provisioningTwiceWithADomainKeepsEverythingToo() {
        TiersFixture fixture = new TiersFixture();
        StackSpec spec = TiersFixture.spec().withDomain("example.com");
        fixture.provision(spec);
        long mutatingBefore = fixture.cloud().world().calls().mutating();

        ExecutionResult second = fixture.provision(spec);

        assertThat(second.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(fixture.cloud().world().calls().mutating()).isEqualTo(mutatingBefore);
    }

    @Test
    void resourcesThatTheFirstDescribeMissesAreFoundAgainNotDuplicated() {
        TiersFixture fixture = new TiersFixture();
        fixture.provision(TiersFixture.spec());
        Map<String, Long> expected = fixture.resourceCounts();
        Faults faults = fixture.cloud().world().faults().eventualConsistency(true);
        for (String region : TiersFixture.REGIONS) {
            fixture.loadBalancers(region).forEach(lb -> faults.created(lb.loadBalancerArn()));
            fixture.elb(region).describeTargetGroups().targetGroups().forEach(tg -> faults.created(tg.targetGroupArn()));
            fixture.autoScaling(region).describeAutoScalingGroups().autoScalingGroups()
                    .forEach(group -> faults.created(group.autoScalingGroupARN()));
        }

        ExecutionResult again = fixture.provision(TiersFixture.spec());

        assertThat(again.failed()).as("failed steps").isEmpty();
        assertThat(fixture.resourceCounts()).isEqualTo(expected);
    }

    @Test
    void aCrashAtAnyMutatingCallIsFinishedByARerunWithoutDuplicates() {
        TiersFixture reference = new TiersFixture();
        assertThat(reference.provision(TiersFixture.spec()).succeeded()).isTrue();
        long mutatingCalls = reference.cloud().world().calls().mutating();
        Map<String, Long> expected = reference.resourceCounts();

        for (long crashAt = 1; crashAt <= mutatingCalls; crashAt++) {
            TiersFixture run = new TiersFixture();
            run.cloud().world().faults().crashAtMutatingCall(crashAt, Faults.CrashPoint.AFTER_CALL);
            assertThatThrownBy(() -> run.provision(TiersFixture.spec())).isInstanceOf(SimulatedCrash.class);
            run.cloud().world().faults().noCrash();

            ExecutionResult resumed = run.provision(TiersFixture.spec());

            assertThat(resumed.failed()).as("failed steps after a crash at call %d", crashAt).isEmpty();
            assertThat(run.resourceCounts()).as("resources after a crash at call %d", crashAt).isEqualTo(expected);
        }
    }
}
