package dr.regions.cleanup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.Plan;
import dr.core.engine.PlanRenderer;
import dr.regions.discovery.Inventory;

/**
 * What cleanup would delete: the inventory it found and the plan of deletion steps built from it, without any
 * mutating call (the {@code --dry-run} answer). Execute exactly this plan with {@link Cleanup#run(CleanupPlan,
 * dr.core.engine.ProgressListener)} after the operator confirmed it.
 */
public record CleanupPlan(Inventory inventory, Plan plan) {

    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /** The plan as a tree per region, then every resource that would go, with its id. */
    public String describe() {
        StringBuilder out = new StringBuilder(PlanRenderer.text(plan));
        out.append('\n').append("Resources of stack ").append(inventory.stack()).append(" (")
                .append(inventory.size()).append("):\n");
        inventory.resources().forEach(r -> out.append("  ").append(r.describe()).append('\n'));
        return out.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = PlanRenderer.json(plan);
        root.put("stack", inventory.stack());
        root.set("inventory", inventory.toJson());
        return root;
    }
}
