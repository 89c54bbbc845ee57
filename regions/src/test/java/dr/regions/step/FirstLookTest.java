package dr.regions.step;

import dr.core.clock.Clock;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.RunState;
import dr.core.engine.StepResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstLookTest {
    /** A fake account: resources by role, and how often it was described. */
    private final Map<String, String> existing = new java.util.LinkedHashMap<>();
    private int describes;

    private FirstLook<Map.Entry<String, String>> look() {
        return new FirstLook<>(() -> {
            describes++;
            return List.copyOf(existing.entrySet());
        }, Map.Entry::getKey);
    }

    @Test
    void allStepsOfATypeShareOneDescribe() {
        existing.put("subnet-a", "subnet-1");
        existing.put("subnet-b", "subnet-2");
        FirstLook<Map.Entry<String, String>> look = look();

        StepContext run = context();

        assertThat(look.find(run, "subnet-a")).map(Map.Entry::getValue).contains("subnet-1");
        assertThat(look.find(run, "subnet-b")).map(Map.Entry::getValue).contains("subnet-2");
        assertThat(look.find(run, "subnet-c")).isEmpty();
        assertThat(describes).isEqualTo(1);
    }

    @Test
    void aNewRunOfThePlanDescribesAgain() {
        existing.put("subnet-a", "subnet-1");
        FirstLook<Map.Entry<String, String>> look = look();
        look.find(context(), "subnet-a");
        existing.put("subnet-b", "subnet-2");

        assertThat(look.find(context(), "subnet-b")).map(Map.Entry::getValue).contains("subnet-2");
        assertThat(describes).isEqualTo(2);
    }

    /** The context of one run: its own per-run state, no clock, no outputs. */
    private static StepContext context() {
        RunState state = new RunState();
        return new StepContext() {
            @Override
            public Clock clock() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> output(StepKey key, String name) {
                return Optional.empty();
            }

            @Override
            public <T> T perRun(Object owner, Class<T> type, Supplier<? extends T> fresh) {
                return state.get(owner, type, fresh);
            }
        };
    }

    /** A step over the fake account whose create succeeds but whose converge fails once, as a throttled call would. */
    private final class FlakyStep extends EnsureStep {
        private final FirstLook<Map.Entry<String, String>> look;
        private final List<Boolean> firstLooks = new ArrayList<>();
        private boolean failConverge = true;

        FlakyStep(FirstLook<Map.Entry<String, String>> look) {
            super(StepKey.of("us-east-1", "subnet-c"), List.of(), "AWS::EC2::Subnet", Duration.ZERO);
            this.look = look;
        }

        @Override
        protected Optional<String> find(StepContext context) {
            firstLooks.add(firstLook(context));
            return firstLook(context) ? look.find(context, "subnet-c").map(Map.Entry::getValue)
                    : Optional.ofNullable(existing.get("subnet-c"));
        }

        @Override
        protected String create(StepContext context) {
            existing.put("subnet-c", "subnet-" + (existing.size() + 1));
            return existing.get("subnet-c");
        }

        @Override
        protected boolean converge(StepContext context, String id) {
            if (failConverge) {
                failConverge = false;
                throw new IllegalStateException("Throttling");
            }
            return false;
        }
    }

    @Test
    void aRetriedStepLooksAfreshSoItDoesNotCreateTwice() {
        FirstLook<Map.Entry<String, String>> look = look();
        StepContext context = context();
        look.find(context, "anything");
        FlakyStep step = new FlakyStep(look);

        assertThatThrownBy(() -> step.execute(context)).hasMessage("Throttling");
        StepResult retried = step.execute(context);

        assertThat(step.firstLooks).containsExactly(true, false);
        assertThat(existing).hasSize(1);
        assertThat(retried).isInstanceOf(StepResult.Done.class);
    }
}
