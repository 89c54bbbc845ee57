package dr.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A step that gives up at its next call once {@code stop} says so, e.g. after Ctrl-C: no new step starts and no
 * waiting step is polled again, while what AWS already accepted goes on there. A plan of them stops within one
 * call of the stop; the steps already done stay done.
 */
final class StoppableStep implements Step {
    static final String STOPPED = "stopped: the run was interrupted";

    private final Step step;
    private final BooleanSupplier stop;

    StoppableStep(Step step, BooleanSupplier stop) {
        this.step = step;
        this.stop = stop;
    }

    @Override
    public StepKey key() {
        return step.key();
    }

    @Override
    public List<StepKey> dependsOn() {
        return step.dependsOn();
    }

    @Override
    public String resourceType() {
        return step.resourceType();
    }

    @Override
    public Duration estimate() {
        return step.estimate();
    }

    @Override
    public Action plannedAction() {
        return step.plannedAction();
    }

    @Override
    public Duration timeout() {
        return step.timeout();
    }

    @Override
    public StepResult execute(StepContext context) {
        return stop.getAsBoolean() ? StepResult.failed(STOPPED) : step.execute(context);
    }
}
