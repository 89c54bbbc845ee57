package dr.runbooks.step;

import dr.core.engine.StepResult;

/**
 * What one runbook step does, answering each call with the engine's {@link StepResult} like any unit of work: done
 * ({@link StepResult#ran} with a one-line summary and plain JSON outputs, journaled and readable by later steps, also
 * after a resume), waiting, or failed ({@link StepResult#failed(String, dr.core.ExitCode)} says with which exit code
 * the run ends when this is its first failure). A fresh instance is made for every step of every run (by the step type's
 * {@link RunbookActionFactory}), so an action may keep state between calls, e.g. the deadline it waits for.
 *
 * <p>An action does not wait and does not sleep: to wait (for a replica to become available, for Route 53 to flip) it
 * returns {@link StepResult.Waiting} and the engine calls it again later on the clock, with its own backoff and the
 * step's timeout. It may throw AWS errors: the engine retries those its error classifier calls retryable. Throwing a
 * {@link dr.core.DrException} fails the step with that exception's exit code.
 */
@FunctionalInterface
public interface RunbookAction {
    StepResult execute(ActionContext context);
}
