package dr.runbooks.actions.cleanup;

import dr.core.engine.StepResult;
import dr.regions.cleanup.CleanupPlan;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists what cleanup would delete (the plan the caller already showed the operator, else a fresh one) and keeps it
 * for the deletion step, so that what is deleted is what was listed before the approval.
 */
final class DiscoverStackAction implements RunbookAction {
    @Override
    public StepResult execute(ActionContext context) {
        CleanupRun run = CleanupRun.of(context);
        CleanupPlan plan = run.approved().orElseGet(() -> {
            CleanupPlan fresh = CleanupScope.cleanup(context).plan();
            run.approve(fresh);
            return fresh;
        });
        context.out().print(plan.describe());
        context.out().flush();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("resources", plan.inventory().size());
        outputs.put("byRegion", new LinkedHashMap<>(plan.inventory().countsByRegion()));
        return StepResult.ran(plan.inventory().isEmpty()
                ? "nothing of stack " + plan.inventory().stack() + " found"
                : plan.inventory().size() + " resources of stack " + plan.inventory().stack() + " found", outputs);
    }
}
