package dr.cli.runtime;

import dr.core.config.StackTarget;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.discovery.RegionDiscovery;
import dr.regions.discovery.RegionDiscovery.StackLocation;

import java.util.List;
import java.util.TreeSet;

/**
 * Where the stack lives: the regions given (options or config), or else found from the stack's own tags by
 * scanning the known regions. Commands on the failover path pass their regions explicitly or accept that an
 * unreachable primary is only reported, never waited on.
 */
public final class StackLocator {
    private StackLocator() {
    }

    /** The spec with both regions, from the input or by discovery; exit 2 when the stack cannot be found. */
    public static StackSpec locate(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        if (target.regionsKnown()) {
            return target.spec();
        }
        StackLocation location = discover(context, target).bothRegionsOrThrow();
        return target.withRegions(location.primary().get(), location.dr().get());
    }

    /** The regions to work in: both given ones, or every region where the stack's tags were found (maybe none). */
    public static List<String> regions(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        if (target.regionsKnown()) {
            return List.of(target.primaryRegion().orElseThrow(), target.drRegion().orElseThrow());
        }
        return discover(context, target).everyRegionOrThrow();
    }

    private static StackLocation discover(CommandContext context, StackTarget target) {
        return new RegionDiscovery(context.clients(), target.stack()).locate(List.copyOf(new TreeSet<>(Regions.KNOWN)));
    }
}
