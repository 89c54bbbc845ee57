package dr.regions.provision;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsErrorClassifier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan is a value: its steps keep what one run learns in the run's own state, not in their fields, so the same plan
 * executed again against the sandbox looks at the cloud afresh. Had a step kept "created" from the first run, the
 * second would report CREATE again (or, had a shared describe been kept, create a second copy).
 */
class PlanRunsTwiceTest {
    private final ProvisionFixture fixture = new ProvisionFixture();

    private ExecutionResult execute(Plan plan) {
        return new Executor(fixture.cloud().world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(plan);
    }

    @Test
    void theSamePlanValueCreatesThenKeepsEverything() {
        StackSpec spec = ProvisionFixture.defaultSpec();
        Plan plan = new Provisioning(spec, fixture.cloud(), fixture.cloud().world().clock()).prepare().plan();

        ExecutionResult first = execute(plan);
        ExecutionResult second = execute(plan);

        assertThat(first.failed()).as("failed steps of the first run").isEmpty();
        assertThat(second.failed()).as("failed steps of the second run").isEmpty();
        List<StepOutcome> created = first.outcomes().stream().filter(o -> o.action() == Action.CREATE).toList();
        assertThat(created).as("the first run creates the stack").hasSizeGreaterThan(50);
        assertThat(first.countsByAction()).doesNotContainKey(Action.KEEP);
        for (StepOutcome outcome : created) {
            assertThat(second.outcome(outcome.key()).action()).as("%s on the second run", outcome.key())
                    .isEqualTo(Action.KEEP);
            assertThat(second.outcome(outcome.key()).resourceId()).as("%s on the second run", outcome.key())
                    .isEqualTo(outcome.resourceId());
        }
        assertThat(second.countsByAction()).doesNotContainKeys(Action.CREATE, Action.UPDATE);
    }

    @Test
    void theSecondRunOfThePlanRepairsDriftAfterTheFirstCreatedEverything() {
        StackSpec spec = ProvisionFixture.defaultSpec();
        Plan plan = new Provisioning(spec, fixture.cloud(), fixture.cloud().world().clock()).prepare().plan();
        StepKey group = StepKey.of(ProvisionFixture.DR, "asg-web");
        ExecutionResult first = execute(plan);
        AutoScalingGroup created = group("dr-asg-web");
        fixture.cloud().autoScaling(ProvisionFixture.DR).updateAutoScalingGroup(r -> r.autoScalingGroupName("dr-asg-web")
                .maxSize(created.maxSize() + 3));

        ExecutionResult second = execute(plan);

        assertThat(first.outcome(group).action()).isEqualTo(Action.CREATE);
        assertThat(second.outcome(group).action()).as("converged, not skipped as 'just created'")
                .isEqualTo(Action.UPDATE);
        assertThat(group("dr-asg-web").maxSize()).isEqualTo(created.maxSize());
    }

    private AutoScalingGroup group(String name) {
        return fixture.cloud().autoScaling(ProvisionFixture.DR).describeAutoScalingGroups(r -> r
                .autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }
}
