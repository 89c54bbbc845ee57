package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One runbook step of one run as an engine {@link Step}, the one adapter between the two: the engine's executor owns
 * the waiting (polling a {@link StepResult.Waiting} action on the clock with backoff, the step's timeout, retries of
 * throttling errors). Made afresh for every run of a step, so it may remember what the engine's
 * {@link dr.core.engine.StepOutcome} does not keep: the action's last answer (its JSON outputs, the exit code of its
 * failure) and whether the run's interrupt stopped it.
 */
final class ActionStep implements Step {
    private final StepKey key;
    private final String type;
    private final RunbookAction action;
    private final ActionContext context;
    private final Duration timeout;
    private final BooleanSupplier interrupted;
    private StepResult last;
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
        try {
            last = action.execute(context);
        } catch (DrException e) {
            last = StepResult.failed(e.getMessage(), e.exitCode());
        }
        if (last == null) {
            last = StepResult.failed("action of step " + key.role() + " returned no result", ExitCode.INTERNAL);
        }
        return last;
    }

    /** The action's answer when it finished, else empty. */
    Optional<StepResult.Done> done() {
        return last instanceof StepResult.Done done ? Optional.of(done) : Optional.empty();
    }

    /** The exit code of the action's failure; {@link ExitCode#FAILED} when the engine failed it (e.g. a timeout). */
    ExitCode failureCode() {
        return last instanceof StepResult.Failed failed ? failed.exitCode() : ExitCode.FAILED;
    }

    boolean stoppedByInterrupt() {
        return stoppedByInterrupt;
    }
}
