package dr.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.Action;
import dr.core.engine.CriticalPath;
import dr.core.engine.DurationFormat;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.StackSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a provision run did, for people (text summary per region) and scripts (one JSON document): each
 * resource with its action, counts by action, the modeled or real duration next to the critical path, what
 * was skipped and why, and what failed.
 */
public record ProvisionReport(StackSpec spec, ExecutionResult result, CriticalPath criticalPath, List<String> skipped,
                              List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean succeeded() {
        return result.succeeded();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", spec.stack());
        root.put("primary", spec.primaryRegion());
        root.put("dr", spec.drRegion());
        root.put("succeeded", result.succeeded());
        OutcomeJson.putResources(root, result);
        ObjectNode counts = root.putObject("counts");
        result.countsByAction().forEach((action, count) -> counts.put(action.label(), count));
        root.put("durationSeconds", result.duration().toSeconds());
        root.put("criticalPathSeconds", criticalPath.total().toSeconds());
        root.put("durationOverCriticalPath", ratio());
        ArrayNode chain = root.putArray("criticalPath");
        criticalPath.chain().forEach(key -> chain.add(key.toString()));
        ArrayNode skip = root.putArray("skipped");
        skipped.forEach(skip::add);
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        return root;
    }

    public double ratio() {
        long bound = criticalPath.total().toSeconds();
        return bound == 0 ? 1.0 : Math.round(result.duration().toSeconds() * 1000.0 / bound) / 1000.0;
    }

    public void printText(PrintWriter out) {
        out.println("Stack " + spec.stack() + ": primary " + spec.primaryRegion() + ", DR " + spec.drRegion());
        for (String region : regions()) {
            Map<Action, Integer> counts = result.countsByAction(region);
            out.printf("  %-10s %s%n", region, describe(counts));
        }
        for (StepOutcome failed : result.failed()) {
            out.println("  FAILED  " + failed.key() + " (" + failed.resourceType() + "): " + failed.message());
        }
        if (!result.skipped().isEmpty()) {
            out.println("  not run: " + result.skipped().size() + " step(s) that depend on a failed step");
        }
        for (String reason : skipped) {
            out.println("  skipped: " + reason);
        }
        for (String note : notes) {
            out.println("  " + note);
        }
        Duration took = result.duration();
        String bound = DurationFormat.compact(criticalPath.total());
        out.println(took.isZero()
                ? "  took no modeled time (a fresh build's critical path is " + bound + ")"
                : "  took " + DurationFormat.compact(took) + " (critical path " + bound + ", ratio " + ratio() + ")");
        if (!result.succeeded()) {
            out.println("  Re-run the same command to resume: dr finds what exists and finishes the rest.");
        }
    }

    private List<String> regions() {
        return result.outcomes().stream().map(StepOutcome::key).map(StepKey::region).distinct().toList();
    }

    private static String describe(Map<Action, Integer> counts) {
        StringBuilder text = new StringBuilder();
        for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.KEEP, Action.SKIP)) {
            int count = counts.getOrDefault(action, 0);
            if (count == 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(count).append(' ').append(switch (action) {
                case CREATE -> "created";
                case UPDATE -> "updated";
                case SKIP -> "skipped";
                default -> action.label();
            });
        }
        return text.length() == 0 ? "nothing" : text.toString();
    }
}
