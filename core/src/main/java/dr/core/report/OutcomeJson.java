package dr.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepOutcome;

/** The {@code resources} array every run report carries: one entry per step, with what it did to its resource. */
final class OutcomeJson {
    private OutcomeJson() {
    }

    static void putResources(ObjectNode root, ExecutionResult result) {
        ArrayNode resources = root.putArray("resources");
        for (StepOutcome outcome : result.outcomes()) {
            ObjectNode resource = resources.addObject();
            resource.put("region", outcome.key().region());
            resource.put("role", outcome.key().role());
            resource.put("type", outcome.resourceType());
            if (outcome.resourceId() != null) {
                resource.put("id", outcome.resourceId());
            }
            resource.put("action", outcome.action().label());
            resource.put("status", outcome.status().name().toLowerCase());
            if (outcome.message() != null) {
                resource.put("message", outcome.message());
            }
            if (outcome.error() != null) {
                resource.set("error", outcome.error().toJson());
            }
        }
    }
}
