package dr.regions.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.report.TopologyGraph;
import dr.regions.network.ZonePreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's topology as {@code dr graph} draws it: the graph (with each resource's status when live), the zones
 * noted under each region, and what a live look could not check.
 *
 * @param zones       per region, primary first
 * @param notVerified what discovery could not read (live only); drawn as "not verified"
 */
public record StackGraph(String stack, TopologyGraph graph, Map<String, ZonePreview> zones, boolean live,
        List<String> notVerified) {
    public StackGraph {
        notVerified = List.copyOf(notVerified);
    }

    public String mermaid() {
        return graph.mermaid();
    }

    public String dot() {
        return graph.dot();
    }

    /** The JSON document around the drawing: format, live, zones and what was not verified. */
    public ObjectNode toJson(String format) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("format", format).put("live", live);
        ObjectNode zoneNode = document.putObject("zones");
        zones.forEach((region, preview) -> zoneNode.put(region,
                preview.zones() == null ? ZonePreview.AT_RUN_TIME : preview.zones().toString()));
        if (!notVerified.isEmpty()) {
            notVerified.forEach(document.putArray("notVerified")::add);
        }
        return document;
    }

    /** True unless a live look could not check part of the stack. */
    public boolean complete() {
        return notVerified.isEmpty();
    }

    /** What to tell the operator when not complete, one line each. */
    public List<String> problems() {
        if (complete()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(notVerified);
        lines.add("the live graph could not check " + notVerified.size() + " part(s) of stack " + stack
                + "; they are drawn as 'not verified'");
        return lines;
    }
}
