package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.Action;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ActionResult;
import dr.runbooks.step.RunbookAction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One runbook step as an engine {@link Step}, so that the engine's executor owns the waiting: polling a
 * {@link ActionResult.Waiting} action on the clock with backoff, the step's timeout, and retries of throttling errors.
 * Remembers what the engine's {@link StepResult} cannot carry: the action's outputs and the exit code of a failure.
 */
final class ActionStep implements Step {
    private final StepKey key;
    private final String type;
    private final RunbookAction action;
    private final ActionContext context;
    private final Duration timeout;
    private final BooleanSupplier interrupted;
    private ActionResult.Done done;
    private ExitCode failureCode = ExitCode.FAILED;
    private boolean stoppedByInterrupt;

    ActionStep(StepKey key, String type, RunbookAction action, ActionContext context, Duration timeout,
               BooleanSupplier interrupted) {
        this.key = key;
        this.type = type;
        this.action = action;
        this.context = context;
        this.timeout = timeout;
        this.interrupted = interrupted;
    }

    @Override
    public StepKey key() {
        return key;
    }

    @Override
    public List<StepKey> dependsOn() {
        return List.of();
    }

    @Override
    public String resourceType() {
        return type;
    }

    @Override
    public Duration estimate() {
        return Duration.ZERO;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public StepResult execute(StepContext engineContext) {
        if (interrupted.getAsBoolean()) {
            stoppedByInterrupt = true;
            return StepResult.failed("interrupted");
        }
        ActionResult result;
        try {
            result = action.execute(context);
        } catch (DrException e) {
            failureCode = e.exitCode();
            return StepResult.failed(e.getMessage());
        }
        if (result instanceof ActionResult.Done finished) {
            done = finished;
            return StepResult.done(Action.RUN, finished.summary(), Map.of());
        }
        if (result instanceof ActionResult.Waiting waiting) {
            return new StepResult.Waiting(waiting.status(), waiting.pollAfter());
        }
        if (result instanceof ActionResult.Failed failed) {
            failureCode = failed.exitCode();
            return StepResult.failed(failed.message());
        }
        failureCode = ExitCode.INTERNAL;
        return StepResult.failed("action of step " + key.role() + " returned no result");
    }

    /** The action's result when it finished, else null. */
    ActionResult.Done done() {
        return done;
    }

    ExitCode failureCode() {
        return failureCode;
    }

    boolean stoppedByInterrupt() {
        return stoppedByInterrupt;
    }
}
