package dr.core.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a plan without running it (the dry run): a tree per region with each step's action, resource type and
 * dependencies, the counts per action, and the estimate (modeled total and critical path). Text, JSON, Mermaid.
 */
public final class PlanRenderer {
    private static final int ACTION_WIDTH = "unchanged".length();
    private static final int ESTIMATE_WIDTH = "12m30s".length();

    private PlanRenderer() {
    }

    public static String text(Plan plan) {
        StringBuilder out = new StringBuilder();
        int roleWidth = plan.steps().stream().mapToInt(step -> step.key().role().length()).max().orElse(0);
        int typeWidth = plan.steps().stream().mapToInt(step -> step.resourceType().length()).max().orElse(0);
        for (String region : plan.regions()) {
            List<Step> steps = plan.stepsIn(region);
            out.append(region).append(" (").append(steps.size()).append(steps.size() == 1 ? " step)" : " steps)")
                    .append('\n');
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String branch = i == steps.size() - 1 ? "└─ " : "├─ ";
                String estimate = step.estimate().isZero() ? "" : DurationFormat.compact(step.estimate());
                String line = branch + pad(step.key().role(), roleWidth) + "  "
                        + pad(step.plannedAction().label(), ACTION_WIDTH) + "  "
                        + pad(step.resourceType(), typeWidth) + "  " + pad(estimate, ESTIMATE_WIDTH)
                        + dependencyNote(plan, step);
                out.append("  ").append(line.stripTrailing()).append('\n');
            }
            out.append('\n');
        }
        out.append("Actions: ").append(countsText(plan)).append('\n');
        CriticalPath critical = CriticalPath.of(plan);
        out.append("Estimate: ").append(DurationFormat.compact(critical.total()))
                .append(" modeled, independent steps in parallel\n");
        out.append("Critical path: ").append(critical.chain().isEmpty() ? "(none)" : critical.describe()).append('\n');
        return out.toString();
    }

    public static ObjectNode json(Plan plan) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ArrayNode steps = root.putArray("steps");
        for (String region : plan.regions()) {
            for (Step step : plan.stepsIn(region)) {
                ObjectNode node = steps.addObject();
                node.put("region", step.key().region());
                node.put("role", step.key().role());
                node.put("type", step.resourceType());
                node.put("action", step.plannedAction().label());
                ArrayNode dependsOn = node.putArray("dependsOn");
                plan.dependencies(step.key()).forEach(dep -> dependsOn.add(dep.toString()));
                node.put("estimateSeconds", step.estimate().getSeconds());
            }
        }
        ObjectNode counts = root.putObject("counts");
        countsByAction(plan).forEach((action, count) -> counts.put(action.label(), count));
        CriticalPath critical = CriticalPath.of(plan);
        root.put("criticalPathSeconds", critical.total().getSeconds());
        ArrayNode chain = root.putArray("criticalPath");
        critical.chain().forEach(key -> chain.add(key.toString()));
        return root;
    }

    /** A Mermaid flowchart, one subgraph per region, for pasting into a pull request or a runbook page. */
    public static String mermaid(Plan plan) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (String region : plan.regions()) {
            out.append("  subgraph ").append(mermaidId("region " + region)).append("[\"").append(region).append("\"]\n");
            for (Step step : plan.stepsIn(region)) {
                out.append("    ").append(mermaidId(step.key().toString())).append("[\"").append(step.key().role())
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        for (Step step : plan.topologicalOrder()) {
            for (StepKey dependency : plan.dependencies(step.key())) {
                out.append("  ").append(mermaidId(dependency.toString())).append(" --> ")
                        .append(mermaidId(step.key().toString())).append('\n');
            }
        }
        return out.toString();
    }

    /** Planned steps per action, in the order of {@link Action}. */
    public static Map<Action, Integer> countsByAction(Plan plan) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        plan.steps().forEach(step -> counts.merge(step.plannedAction(), 1, Integer::sum));
        return counts;
    }

    private static String countsText(Plan plan) {
        Map<Action, Integer> counts = countsByAction(plan);
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Same-region dependencies by role, others by full key. */
    private static String dependencyNote(Plan plan, Step step) {
        List<StepKey> dependencies = plan.dependencies(step.key());
        if (dependencies.isEmpty()) {
            return "";
        }
        return "  after " + dependencies.stream()
                .map(dep -> dep.region().equals(step.key().region()) ? dep.role() : dep.toString())
                .collect(Collectors.joining(", "));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Prefixed so that no id is a Mermaid keyword such as {@code end}. */
    private static String mermaidId(String text) {
        return "n_" + text.replaceAll("[^A-Za-z0-9]", "_");
    }
}
