package dr.regions.step;

import dr.core.clock.Clock;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

        assertThat(look.find("subnet-a")).map(Map.Entry::getValue).contains("subnet-1");
        assertThat(look.find("subnet-b")).map(Map.Entry::getValue).contains("subnet-2");
        assertThat(look.find("subnet-c")).isEmpty();
        assertThat(describes).isEqualTo(1);
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
            firstLooks.add(firstLook());
            return firstLook() ? look.find("subnet-c").map(Map.Entry::getValue)
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
        look.find("anything");
        FlakyStep step = new FlakyStep(look);
        StepContext context = new StepContext() {
            @Override
            public Clock clock() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> output(StepKey key, String name) {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> step.execute(context)).hasMessage("Throttling");
        StepResult retried = step.execute(context);

        assertThat(step.firstLooks).containsExactly(true, false);
        assertThat(existing).hasSize(1);
        assertThat(retried).isInstanceOf(StepResult.Done.class);
    }
}
