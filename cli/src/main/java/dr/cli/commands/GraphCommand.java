package dr.cli.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.regions.network.ZonePreview;
import dr.cli.output.Printer;

import dr.core.engine.Plan;
import dr.core.engine.StepKey;
import dr.core.model.StackSpec;
import dr.regions.backup.BackupRoles;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackInventory;
import dr.regions.identity.IdentityRoles;
import dr.regions.discovery.StackResource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dr.core.ExitCode;
import dr.core.report.TopologyGraph;
import dr.regions.provision.ProvisionPlan;
import picocli.CommandLine.Option;

import dr.cli.runtime.CommandContext;
import picocli.CommandLine.Command;

@Command(name = "graph",
        description = {
            "Draw the stack's topology.",
            "",
            "Every resource provision manages, one cluster per region and one for the global edge, with the "
                + "dependencies between them; the cross-region links (replica, image copy, failover, origin group) "
                + "are dashed. Mermaid renders on GitHub; DOT renders with Graphviz (dot -Tsvg). Each region "
                + "names its two availability zones: read with --live or --sandbox, else 'chosen at run time'.",
            "Changes: nothing; calls no AWS API (--live: read-only calls).",
            "Takes: about a second.",
            ""},
        footerHeading = "%nExample:%n",
        footer = {"  dr graph --primary us-east-1 --dr us-west-2 > topology.mmd",
            "  dr graph --primary us-east-1 --dr us-west-2 --format dot | dot -Tsvg > topology.svg"})
public final class GraphCommand extends DrSubcommand {
    enum Format { mermaid, dot }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default) or dot.")
    Format format;

    @Option(names = "--live", description = "Look at what is deployed (read-only AWS calls) and mark the pieces "
            + "that are missing or not healthy.")
    boolean live;

    /** States in which a discovered resource counts as healthy; anything else is drawn as its state. */
    private static final Set<String> HEALTHY = Set.of("available", "active", "running", "inservice", "deployed",
            "issued", "completed", "complete", "attached", "associated", "ok", "healthy", "insync");

    @Override
    protected boolean requiresRegions() {
        return true;
    }

    @Override
    protected boolean needsAws() {
        return live;
    }

    @Override
    protected boolean changesCloud() {
        return false;
    }

    @Override
    protected int run(CommandContext context) {
        StackSpec stack = context.spec();
        Plan plan = ProvisionPlan.build(stack, null);
        // Without --live the graph asks no AWS API, so the zones are known only in the sandbox.
        Map<String, ZonePreview> zones = live || context.connection().isSandbox()
                ? ZonePreview.of(stack, context.clients())
                : ZonePreview.unknown(stack, "read with --live");
        if (!live) {
            print(context, TopologyGraph.of(plan), List.of(), zones);
            return ExitCode.OK.code();
        }
        Inventory inventory = new StackInventory(context.clients(), stack.stack()).withIdentity()
                .scan(List.of(stack.primaryRegion(), stack.drRegion()));
        print(context, TopologyGraph.of(plan, statuses(plan, inventory, stack)), inventory.gaps(), zones);
        if (inventory.complete()) {
            return ExitCode.OK.code();
        }
        inventory.gaps().forEach(gap -> context.err().println("dr: " + gap));
        context.err().println("dr: the live graph could not check " + inventory.gaps().size() + " part(s) of stack "
                + stack.stack() + "; they are drawn as 'not verified'");
        return ExitCode.FAILED.code();
    }

    private void print(CommandContext context, TopologyGraph graph, List<String> notVerified,
            Map<String, ZonePreview> zones) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("format", format.name()).put("live", live);
        ObjectNode zoneNode = document.putObject("zones");
        zones.forEach((region, preview) -> {
            graph.noteRegion(region, preview.text());
            zoneNode.put(region, preview.zones() == null ? ZonePreview.AT_RUN_TIME : preview.zones().toString());
        });
        if (!notVerified.isEmpty()) {
            notVerified.forEach(document.putArray("notVerified")::add);
        }
        Printer.text(context, format == Format.dot ? graph.dot() : graph.mermaid(), document);
    }

    /**
     * What discovery saw of each planned resource; one of a kind discovery could not read (or in a region it could
     * not reach) and not found is {@code not verified}, not missing.
     */
    private static Map<StepKey, String> statuses(Plan plan, Inventory inventory, StackSpec stack) {
        Map<StepKey, String> statuses = new HashMap<>();
        for (var step : plan.steps()) {
            boolean unread = inventory.unreachable().containsKey(step.key().region())
                    || inventory.notVerified().stream().anyMatch(entry -> entry.kinds().stream()
                    .anyMatch(kind -> kind.awsType().equals(step.resourceType()))
                    && (entry.region().equals(step.key().region()) || entry.region().equals(StackResource.GLOBAL)));
            if (unread) {
                statuses.put(step.key(), "not verified");
            }
        }
        for (StackResource resource : inventory.resources()) {
            String state = resource.state() == null ? "ok" : resource.state();
            String status = HEALTHY.contains(state.toLowerCase(Locale.ROOT)) ? "ok" : state;
            statuses.merge(StepKey.of(regionOf(resource, stack), roleOf(resource)), status,
                    (a, b) -> "ok".equals(a) || "not verified".equals(a) ? b : a);
        }
        // The rds-db:connect policy is inline in the app role: it exists where the role does.
        String appRole = statuses.get(IdentityRoles.APP_ROLE_KEY);
        if (appRole != null) {
            statuses.put(IdentityRoles.DB_CONNECT_KEY, appRole);
        }
        return statuses;
    }

    /** Discovery names a plan's selection after its plan ({@code backup-plan-selection}); the plan step is one. */
    private static String roleOf(StackResource resource) {
        return resource.kind() == ResourceKind.BACKUP_SELECTION ? BackupRoles.SELECTION : resource.role();
    }

    /** Route 53 lives in no region, but a private zone and its record belong to one side of the stack. */
    private static String regionOf(StackResource resource, StackSpec stack) {
        if (resource.isGlobal() && "primary".equals(resource.regionRole())) {
            return stack.primaryRegion();
        }
        if (resource.isGlobal() && "dr".equals(resource.regionRole())) {
            return stack.drRegion();
        }
        return resource.region();
    }
}
