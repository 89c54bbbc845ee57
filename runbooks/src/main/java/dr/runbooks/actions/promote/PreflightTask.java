package dr.runbooks.actions.promote;

import dr.regions.promotion.Progress;
import dr.regions.promotion.PromotionTarget;
import dr.regions.promotion.ReplicaPreflight;
import dr.runbooks.step.ActionContext;

import java.util.Map;

/**
 * The preflight, with its evidence also journaled as its own record ({@value #EVIDENCE}) the moment it is seen:
 * the RPO evidence survives whatever happens to the run after it.
 */
final class PreflightTask implements ProgressAction.Task {
    static final String EVIDENCE = "replication-evidence";

    private final ReplicaPreflight preflight;

    PreflightTask(PromotionTarget target) {
        this.preflight = new ReplicaPreflight(target);
    }

    @Override
    public Progress next(ActionContext context) {
        Progress progress = preflight.check(context.clock().now());
        if (progress.done() && progress.outputs().get("evidence") instanceof Map<?, ?> evidence) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) evidence;
            context.record(EVIDENCE, data);
        }
        return progress;
    }
}
