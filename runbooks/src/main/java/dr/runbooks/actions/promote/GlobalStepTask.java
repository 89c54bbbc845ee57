package dr.runbooks.actions.promote;

import dr.core.engine.StepResult;
import dr.regions.promotion.ApiOutage;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A step on a global service's API (Route 53, CloudFront; their control planes live in us-east-1), run after the DR
 * database is writable and DR at full capacity, as best effort: when its API cannot be reached the step ends
 * {@value #PENDING}, with the reason and the command that finishes it, and the run goes on. Users do not wait for
 * it: traffic reaches DR through the data planes (health-checked records, the origin group). A later
 * {@code dr promote-replica} runs it again, and, since every such step looks before it acts, changes only what is
 * still to do. Any other error (a refusal, a missing resource) fails the step as before.
 */
final class GlobalStepTask implements RunbookAction {
    static final String PENDING = "pending";

    private final String api;
    private final String finishWith;
    private final RunbookAction task;

    GlobalStepTask(String api, String finishWith, RunbookAction task) {
        this.api = api;
        this.finishWith = finishWith;
        this.task = task;
    }

    @Override
    public StepResult execute(ActionContext context) {
        try {
            return task.execute(context);
        } catch (RuntimeException error) {
            Optional<String> outage = ApiOutage.reason(error);
            if (outage.isEmpty()) {
                throw error;
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put(PENDING, true);
            outputs.put("api", api);
            outputs.put("reason", outage.get());
            outputs.put("finishWith", finishWith);
            return StepResult.ran("PENDING: the " + api + " API did not answer (" + outage.get() + "); '" + finishWith
                    + "' finishes it", outputs);
        }
    }

    /** Whether a step's journaled outputs say it was left pending. */
    static boolean isPending(Map<String, Object> outputs) {
        return Boolean.TRUE.equals(outputs.get(PENDING));
    }
}
