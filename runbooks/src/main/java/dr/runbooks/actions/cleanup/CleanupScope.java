package dr.runbooks.actions.cleanup;

import dr.core.config.StackTarget;
import dr.core.model.Regions;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.discovery.RegionDiscovery;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;

import java.util.List;
import java.util.TreeSet;

/**
 * The stack cleanup works on: its regions as the caller located them ({@link CleanupRun}), as
 * given, or found from the stack's tags (a read call per known region), kept in the run's attributes; and the
 * {@link Cleanup} over them for one step.
 */
final class CleanupScope {
    private CleanupScope() {
    }

    static Cleanup cleanup(ActionContext context, boolean finalSnapshot) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        boolean skipFinalSnapshot = !finalSnapshot || CleanupRun.of(context).skipFinalSnapshot();
        return new Cleanup(operations.target().stack(), regions(context, operations), operations.clients(),
                context.clock(), new CleanupOptions(skipFinalSnapshot));
    }

    static Cleanup cleanup(ActionContext context) {
        return cleanup(context, true);
    }

    private static List<String> regions(ActionContext context, Operations operations) {
        CleanupRun run = CleanupRun.of(context);
        return run.regions().orElseGet(() -> {
            List<String> regions = locate(operations, operations.target());
            run.regions(regions);
            return regions;
        });
    }

    private static List<String> locate(Operations operations, StackTarget target) {
        if (target.regionsKnown()) {
            return List.of(target.primaryRegion().orElseThrow(), target.drRegion().orElseThrow());
        }
        return new RegionDiscovery(operations.clients(), target.stack())
                .locate(List.copyOf(new TreeSet<>(Regions.KNOWN))).everyRegionOrThrow();
    }
}
