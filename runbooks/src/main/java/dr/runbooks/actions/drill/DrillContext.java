package dr.runbooks.actions.drill;

import dr.core.config.StackTarget;
import dr.regions.drill.AddressResolver;
import dr.regions.drill.DrillDiscovery;
import dr.regions.drill.DrillObserver;
import dr.regions.drill.DrillTopology;
import dr.regions.drill.EdgeProbe;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;

import java.nio.file.Path;

/**
 * What every drill action reads from its run: the AWS context ({@link Operations}), the stack's parts (discovered
 * once, then read back from the journal so every step and a later {@code dr failover restore} see the same), and the
 * probes. Tests may put their own {@link EdgeProbe} and {@link AddressResolver} in the run's attributes.
 */
final class DrillContext {
    /** Where the HTML/Markdown/JSON reports go when the caller gives no directory. */
    static final Path DEFAULT_REPORTS = Path.of("dr-reports");

    private DrillContext() {
    }

    static Operations operations(ActionContext context) {
        return context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
    }

    /** Discovers the stack now (regions from the target, else from the stack's tags). */
    static DrillDiscovery.Discovered discover(ActionContext context) {
        Operations operations = operations(context);
        StackTarget target = operations.target();
        DrillDiscovery discovery = new DrillDiscovery(operations.clients());
        if (target.regionsKnown()) {
            return discovery.discover(target.stack(), target.primaryRegion().orElseThrow(),
                    target.drRegion().orElseThrow());
        }
        DrillDiscovery.StackRegions regions = discovery.locate(target.stack());
        return discovery.discover(target.stack(), regions.primary(), regions.dr());
    }

    /** The topology journaled by an earlier step of this run, else discovered now and journaled. */
    static DrillTopology topology(ActionContext context) {
        return DrillRecords.last(context, DrillRecords.TOPOLOGY)
                .map(entry -> DrillTopology.fromMap(entry.data()))
                .orElseGet(() -> record(context, discover(context).topology()));
    }

    static DrillTopology record(ActionContext context, DrillTopology topology) {
        context.record(DrillRecords.TOPOLOGY, topology.toMap());
        return topology;
    }

    static DrillObserver observer(ActionContext context) {
        Operations operations = operations(context);
        AddressResolver resolver = context.attribute(DrillActions.ADDRESS_RESOLVER_ATTRIBUTE, AddressResolver.class)
                .orElseGet(() -> operations.dataPlane().addresses());
        return new DrillObserver(operations.clients().route53(), resolver, edge(context), context.clock());
    }

    /** How the drill reaches the stack as a viewer: the run's own probe when a test put one there. */
    static EdgeProbe edge(ActionContext context) {
        return context.attribute(DrillActions.EDGE_PROBE_ATTRIBUTE, EdgeProbe.class)
                .orElseGet(() -> operations(context).dataPlane().edge());
    }

    static Path reportDirectory(ActionContext context) {
        Path directory = operations(context).reportDirectory();
        return directory == null ? DEFAULT_REPORTS : directory;
    }
}
