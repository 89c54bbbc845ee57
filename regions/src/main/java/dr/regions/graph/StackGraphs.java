package dr.regions.graph;

import dr.core.engine.Plan;
import dr.core.model.StackSpec;
import dr.core.report.TopologyGraph;
import dr.regions.aws.AwsClients;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackInventory;
import dr.regions.network.ZonePreview;
import dr.regions.provision.ProvisionPlan;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code dr graph}: the provision plan's shape as a topology, with what a live look found when asked. */
public final class StackGraphs {
    private StackGraphs() {
    }

    /** Draws {@code request}; {@code clients} is asked for only when the request reads zones or looks live. */
    public static StackGraph draw(GraphRequest request, Supplier<AwsClients> clients) {
        StackSpec spec = request.spec();
        Plan plan = ProvisionPlan.shape(spec);
        Map<String, ZonePreview> zones = request.readZones() ? ZonePreview.of(spec, clients.get())
                : ZonePreview.unknown(spec, "read with --live");
        if (!request.live()) {
            return new StackGraph(spec.stack(), noted(TopologyGraph.of(plan), zones), zones, false, List.of());
        }
        Inventory inventory = new StackInventory(clients.get(), spec.stack()).withIdentity()
                .scan(List.of(spec.primaryRegion(), spec.drRegion()));
        TopologyGraph graph = TopologyGraph.of(plan, LiveStatuses.of(plan, inventory, spec));
        return new StackGraph(spec.stack(), noted(graph, zones), zones, true, inventory.gaps());
    }

    /** Each region's zones under its name. */
    private static TopologyGraph noted(TopologyGraph graph, Map<String, ZonePreview> zones) {
        zones.forEach((region, preview) -> graph.noteRegion(region, preview.text()));
        return graph;
    }
}
