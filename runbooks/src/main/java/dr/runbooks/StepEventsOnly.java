package dr.runbooks;

import dr.core.engine.ProgressListener;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;

import java.time.Duration;

/**
 * Passes on the step events of the one-step plans a runbook run is made of, but not their plan start and end: for
 * the operator, the runbook is the plan.
 */
final class StepEventsOnly implements ProgressListener {
    private final ProgressListener target;

    StepEventsOnly(ProgressListener target) {
        this.target = target;
    }

    @Override
    public void stepStarted(StepKey key) {
        target.stepStarted(key);
    }

    @Override
    public void stepStatus(StepKey key, String status, Duration elapsed) {
        target.stepStatus(key, status, elapsed);
    }

    @Override
    public void stepRetry(StepKey key, String reason, Duration delay) {
        target.stepRetry(key, reason, delay);
    }

    @Override
    public void stepDone(StepOutcome outcome) {
        target.stepDone(outcome);
    }

    @Override
    public void stepFailed(StepOutcome outcome) {
        target.stepFailed(outcome);
    }

    @Override
    public void tick() {
        target.tick();
    }
}
