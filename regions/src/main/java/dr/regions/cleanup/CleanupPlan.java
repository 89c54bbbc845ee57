package dr.regions.cleanup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.Plan;
import dr.core.engine.PlanRenderer;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackResource;

import java.util.List;

/**
 * What cleanup would delete: the inventory it found and the plan of deletion steps built from it, without any
 * mutating call (the {@code --dry-run} answer). Execute exactly this plan with {@link Cleanup#run(CleanupPlan,
 * dr.core.engine.ProgressListener)} after the operator confirmed it. A plan for some kinds of resource only
 * ({@link Cleanup#plan(java.util.Set)}) lists in {@code mustGoFirst} the resources outside it that AWS needs gone
 * before one of its own, and is runnable only when there are none.
 */
public record CleanupPlan(Inventory inventory, Plan plan, List<StackResource> mustGoFirst) {

    public CleanupPlan {
        mustGoFirst = List.copyOf(mustGoFirst);
    }

    public boolean isEmpty() {
        return plan.isEmpty();
    }

    public boolean runnable() {
        return mustGoFirst.isEmpty();
    }

    /** The plan as a tree per region, then every resource that would go, with its id. */
    public String describe() {
        StringBuilder out = new StringBuilder(PlanRenderer.text(plan));
        out.append('\n').append("Resources of stack ").append(inventory.stack()).append(" (")
                .append(inventory.size()).append("):\n");
        inventory.resources().forEach(r -> out.append("  ").append(r.describe()).append('\n'));
        if (!inventory.notVerified().isEmpty()) {
            out.append("Not verified (").append(inventory.notVerified().size())
                    .append("): AWS answered with an error, what is there stays:\n");
            inventory.notVerified().forEach(entry -> out.append("  ").append(entry.describe()).append('\n'));
        }
        if (!runnable()) {
            out.append("Must be deleted first (").append(mustGoFirst.size()).append("):\n");
            mustGoFirst.forEach(r -> out.append("  ").append(r.describe()).append('\n'));
        }
        return out.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = PlanRenderer.json(plan);
        root.put("stack", inventory.stack());
        root.set("inventory", inventory.toJson());
        if (!runnable()) {
            mustGoFirst.forEach(r -> root.withArray("mustGoFirst").add(r.toJson()));
        }
        return root;
    }
}
