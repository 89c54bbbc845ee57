package dr.core.report;

import dr.core.engine.Plan;
import dr.core.engine.Step;
import dr.core.engine.StepKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack as a diagram: one cluster per region (the global edge in its own), a node per resource, an edge
 * per dependency. Dependencies that cross regions are the links that make DR work (the replica, the image
 * copy, the failover records, the origin group); they are drawn dashed and labelled. Renders Mermaid (shows on
 * GitHub) and Graphviz DOT.
 */
public final class TopologyGraph {
    /** A resource; {@code status} is null when drawn from the plan, else e.g. {@code missing}. */
    public record Node(StepKey key, String type, String status) {
    }

    public record Edge(StepKey from, StepKey to, boolean crossRegion, String label) {
    }

    private final Map<String, List<Node>> clusters = new LinkedHashMap<>();
    private final Map<String, String> regionNotes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    public static TopologyGraph of(Plan plan) {
        return build(plan, null);
    }

    /** With {@code statuses} from a live look at the stack: nodes not in the map are drawn as missing. */
    public static TopologyGraph of(Plan plan, Map<StepKey, String> statuses) {
        return build(plan, statuses);
    }

    private static TopologyGraph build(Plan plan, Map<StepKey, String> statuses) {
        TopologyGraph graph = new TopologyGraph();
        for (String region : plan.regions()) {
            List<Node> nodes = new ArrayList<>();
            for (Step step : plan.stepsIn(region)) {
                String status = statuses == null ? null : statuses.getOrDefault(step.key(), "missing");
                nodes.add(new Node(step.key(), step.resourceType(), status));
            }
            graph.clusters.put(region, nodes);
        }
        for (Step step : plan.topologicalOrder()) {
            for (StepKey dependency : plan.dependencies(step.key())) {
                boolean cross = !dependency.region().equals(step.key().region());
                graph.edges.add(new Edge(dependency, step.key(), cross, cross ? linkLabel(step) : null));
            }
        }
        return graph;
    }

    private static String linkLabel(Step step) {
        String role = step.key().role();
        if (role.contains("replica")) {
            return "replicates";
        }
        if (role.startsWith("image")) {
            return "backup copy";
        }
        return "feeds";
    }

    /** A second line under the region's name, e.g. the availability zones it spreads over. */
    public TopologyGraph noteRegion(String region, String note) {
        regionNotes.put(region, note);
        return this;
    }

    private String clusterLabel(String region, String lineBreak) {
        String note = regionNotes.get(region);
        return note == null ? region : region + lineBreak + note;
    }

    public List<Node> nodes() {
        return clusters.values().stream().flatMap(List::stream).toList();
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public String mermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        clusters.forEach((region, nodes) -> {
            out.append("  subgraph ").append(id(region)).append("[\"").append(clusterLabel(region, "<br/>"))
                    .append("\"]\n");
            for (Node node : nodes) {
                out.append("    ").append(id(node.key().toString())).append("[\"").append(label(node, "<br/>")).append("\"]");
                if (node.status() != null && !"ok".equals(node.status())) {
                    out.append(":::").append("missing".equals(node.status()) ? "missing" : "unhealthy");
                }
                out.append('\n');
            }
            out.append("  end\n");
        });
        for (Edge edge : edges) {
            out.append("  ").append(id(edge.from().toString()))
                    .append(edge.crossRegion() ? " -. \"" + edge.label() + "\" .-> " : " --> ")
                    .append(id(edge.to().toString())).append('\n');
        }
        out.append("  classDef missing stroke-dasharray: 4 2,stroke:#999,color:#999\n");
        out.append("  classDef unhealthy stroke:#c00,stroke-width:2px\n");
        return out.toString();
    }

    public String dot() {
        StringBuilder out = new StringBuilder("digraph dr {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        clusters.forEach((region, nodes) -> {
            out.append("  subgraph \"cluster_").append(region).append("\" {\n    label=\"")
                    .append(clusterLabel(region, "\\n")).append("\";\n");
            for (Node node : nodes) {
                out.append("    \"").append(node.key()).append("\" [label=\"").append(label(node, "\\n")).append('"');
                if ("missing".equals(node.status())) {
                    out.append(", style=dashed, fontcolor=gray");
                } else if (node.status() != null && !"ok".equals(node.status())) {
                    out.append(", color=red");
                }
                out.append("];\n");
            }
            out.append("  }\n");
        });
        for (Edge edge : edges) {
            out.append("  \"").append(edge.from()).append("\" -> \"").append(edge.to()).append('"');
            if (edge.crossRegion()) {
                out.append(" [style=dashed, label=\"").append(edge.label()).append("\"]");
            }
            out.append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String label(Node node, String lineBreak) {
        String status = node.status() == null || "ok".equals(node.status()) ? "" : " (" + node.status() + ")";
        return node.key().role() + lineBreak + node.type().replace("AWS::", "") + status;
    }

    private static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "_");
    }
}
