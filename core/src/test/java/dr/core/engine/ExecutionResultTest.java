package dr.core.engine;

import dr.core.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionResultTest {
    private static final Instant T0 = VirtualClock.EPOCH;

    private static StepOutcome deleted(String role, Instant at) {
        return new StepOutcome(StepKey.of("us-east-1", role), "AWS::EC2::VPC", Action.DELETE, role, Map.of(),
                StepOutcome.Status.DONE, null, at, at, 1);
    }

    @Test
    void mergedRunsKeepEveryOutcomeInOrderAndSpanFirstStartToLastFinish() {
        ExecutionResult first = new ExecutionResult(List.of(deleted("a", T0)), T0, T0.plusSeconds(60));
        ExecutionResult second = new ExecutionResult(List.of(deleted("b", T0.plusSeconds(90))), T0.plusSeconds(90),
                T0.plusSeconds(300));

        ExecutionResult merged = ExecutionResult.merge(List.of(first, second), T0.plusSeconds(999));

        assertThat(merged.outcomes()).extracting(o -> o.key().role()).containsExactly("a", "b");
        assertThat(merged.startedAt()).isEqualTo(T0);
        assertThat(merged.finishedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void mergingNothingIsAnEmptyRunAtNow() {
        ExecutionResult merged = ExecutionResult.merge(List.of(), T0);

        assertThat(merged.outcomes()).isEmpty();
        assertThat(merged.duration()).isZero();
    }
}
