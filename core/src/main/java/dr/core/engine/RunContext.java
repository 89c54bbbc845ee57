package dr.core.engine;

import dr.core.clock.Clock;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link StepContext} of one step in a run. A step may read outputs only of steps it depends on (directly or
 * not): anything else could still be running, which would make the plan's order a matter of luck.
 */
final class RunContext implements StepContext {
    private final Clock clock;
    private final StepKey self;
    private final Set<StepKey> readable;
    private final Map<StepKey, StepOutcome> finished;
    private final RecentCreates creates;
    private final RunState state;

    RunContext(Clock clock, Plan plan, StepKey self, Map<StepKey, StepOutcome> finished, RecentCreates creates,
               RunState state) {
        this.clock = clock;
        this.self = self;
        this.readable = plan.transitiveDependencies(self);
        this.finished = finished;
        this.creates = creates;
        this.state = state;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Optional<String> output(StepKey step, String name) {
        if (!readable.contains(step)) {
            throw new IllegalStateException("step " + self + " reads output '" + name + "' of " + step
                    + ", which it does not depend on");
        }
        return Optional.ofNullable(finished.get(step)).map(outcome -> outcome.outputs().get(name));
    }

    @Override
    public <T> T perRun(Object owner, Class<T> type, Supplier<? extends T> fresh) {
        return state.get(owner, type, fresh);
    }

    @Override
    public void created(String resourceId) {
        creates.record(self, clock.now());
    }
}
