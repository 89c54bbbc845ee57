package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.model.Capacity;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookText;

import java.io.PrintWriter;

/**
 * What {@code dr promote-replica --dry-run} shows, from the runbook and the settings alone (no client is created).
 *
 * @param primaryRegion null when not given: promotion never looks for it
 */
public record PromotionPreview(Runbook runbook, String stack, String drRegion, String primaryRegion, String database,
        Capacity capacity) {
    public ObjectNode toJson() {
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("dryRun", true);
        plan.put("runbook", runbook.name());
        plan.put("stack", stack);
        plan.put("drRegion", drRegion);
        if (primaryRegion == null) {
            plan.putNull("primaryRegion");
        } else {
            plan.put("primaryRegion", primaryRegion);
        }
        plan.put("database", database);
        ObjectNode size = plan.putObject("capacity");
        size.put("min", capacity.min());
        size.put("desired", capacity.desired());
        size.put("max", capacity.max());
        plan.set("steps", RunbookJson.runbook(runbook).get("steps"));
        return plan;
    }

    public void printText(PrintWriter out) {
        out.print(RunbookText.render(runbook));
        out.println();
        out.println("Would promote " + database + " in " + drRegion + " and scale DR web and app to min "
                + capacity.min() + ", desired " + capacity.desired() + ", max " + capacity.max() + "; the primary "
                + "region" + (primaryRegion == null ? "" : " " + primaryRegion) + " is never called.");
        out.println("Dry run: no AWS call was made.");
    }
}
