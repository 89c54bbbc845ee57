package dr.runbooks.actions.status;

import dr.core.engine.StepResult;
import dr.regions.discovery.Inventory;
import dr.regions.readiness.ReadinessScope;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.LinkedHashMap;
import java.util.Map;

/** Finds the stack's regions and every resource by its tags, for the checks after it; says what it found where. */
final class DiscoverAction implements RunbookAction {
    @Override
    public StepResult execute(ActionContext context) {
        ReadinessScope scope = StatusScope.of(context);
        Inventory inventory = scope.inventory();
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("stack", scope.spec().stack());
        outputs.put("primaryRegion", scope.spec().primaryRegion());
        outputs.put("drRegion", scope.spec().drRegion());
        outputs.put("checkedAt", scope.now().toString());
        outputs.put("counts", new LinkedHashMap<>(inventory.countsByRegion()));
        outputs.put("unreachable", new LinkedHashMap<>(inventory.unreachable()));
        String summary = inventory.size() + " resources of stack " + scope.spec().stack() + " ("
                + inventory.countsByRegion() + ")" + (inventory.complete() ? ""
                : "; unreachable: " + String.join(", ", inventory.unreachable().keySet()));
        return StepResult.ran(summary, outputs);
    }
}
