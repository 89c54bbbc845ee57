package dr.runbooks.step;

/**
 * What one runbook step does. A fresh instance is made for every step of every run (by the step type's
 * {@link RunbookActionFactory}), so an action may keep state between calls, e.g. the deadline it waits for.
 *
 * <p>An action does not wait and does not sleep: to wait (for a replica to become available, for Route 53 to flip) it
 * returns {@link ActionResult.Waiting} and the engine calls it again later on the clock, with its own backoff and the
 * step's timeout. It may throw AWS errors: the engine retries those its error classifier calls retryable. Throwing a
 * {@link dr.core.DrException} fails the step with that exception's exit code.
 */
@FunctionalInterface
public interface RunbookAction {
    ActionResult execute(ActionContext context);
}
