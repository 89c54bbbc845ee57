package dr.runbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runbooks and their runs as JSON, for {@code --output json}: one document each. */
public final class RunbookJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunbookJson() {
    }

    /** What {@code runbook show} prints: the runbook's steps with their types, parameters and timeouts. */
    public static ObjectNode runbook(Runbook runbook) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("runbook", runbook.name());
        root.put("description", runbook.description().strip());
        root.put("source", runbook.source());
        root.put("runnable", runbook.runnable());
        ArrayNode steps = root.putArray("steps");
        for (RunbookStep step : runbook.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            node.put("type", step.type());
            node.put("description", step.description() != null ? step.description().strip()
                    : step.stepType() != null ? step.stepType().description() : null);
            node.set("params", JSON.valueToTree(plain(step.params().asMap())));
            step.effectiveTimeout().ifPresent(timeout -> node.put("timeoutSeconds", timeout.toSeconds()));
            node.put("always", step.always());
            node.put("available", step.available());
        }
        return root;
    }

    /** A run's outcome and each step's: status, summary, outputs and times. */
    public static ObjectNode result(RunbookResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("runbook", result.runbook());
        root.put("succeeded", result.succeeded());
        root.put("exitCode", result.exitCode().code());
        root.put("message", result.message());
        root.put("durationSeconds", result.duration().toSeconds());
        ArrayNode steps = root.putArray("steps");
        for (StepReport step : result.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.id());
            node.put("type", step.type());
            node.put("status", step.status().name());
            if (step.summary() != null) {
                node.put("summary", step.summary());
            }
            if (step.error() != null) {
                node.set("error", step.error().toJson());
            }
            node.set("outputs", JSON.valueToTree(step.outputs()));
            if (step.startedAt() != null) {
                node.put("startedAt", step.startedAt().toString());
            }
            if (step.finishedAt() != null) {
                node.put("finishedAt", step.finishedAt().toString());
            }
        }
        return root;
    }

    /** Durations as seconds: the only parameter values JSON has no form for. */
    private static Map<String, Object> plain(Map<String, Object> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, value instanceof Duration d ? d.toSeconds() : value));
        return values;
    }
}
