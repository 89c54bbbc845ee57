package dr.runbooks.actions.promote;

import dr.core.engine.StepResult;
import dr.regions.promotion.PromotionTarget;
import dr.regions.promotion.ReplicaPreflight;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.Map;

/**
 * The preflight, with its evidence also journaled as its own record ({@value #EVIDENCE}) the moment it is seen:
 * the RPO evidence survives whatever happens to the run after it.
 */
final class PreflightTask implements RunbookAction {
    static final String EVIDENCE = "replication-evidence";

    private final ReplicaPreflight preflight;

    PreflightTask(PromotionTarget target) {
        this.preflight = new ReplicaPreflight(target);
    }

    @Override
    public StepResult execute(ActionContext context) {
        StepResult result = preflight.check(context.clock().now());
        if (result instanceof StepResult.Done done && done.outputs().get("evidence") instanceof Map<?, ?> evidence) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) evidence;
            context.record(EVIDENCE, data);
        }
        return result;
    }
}
