package dr.runbooks.actions.status;

import dr.core.config.StackTarget;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.discovery.RegionDiscovery;
import dr.regions.discovery.RegionDiscovery.StackLocation;
import dr.regions.readiness.ReadinessScope;
import dr.regions.readiness.StackReadiness;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;

import java.util.List;
import java.util.TreeSet;

/**
 * What the status checks of one run share: the stack with both regions (as the caller located them in
 * {@link StatusActions#SPEC_ATTRIBUTE}, given, or found from the tags) and the inventory discovery found, made once by
 * the first step that needs them and kept in the run's attributes.
 */
final class StatusScope {
    static final String ATTRIBUTE = "status.scope";

    private StatusScope() {
    }

    static ReadinessScope of(ActionContext context) {
        return context.attribute(ATTRIBUTE, ReadinessScope.class).orElseGet(() -> {
            Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
            StackSpec spec = context.attribute(StatusActions.SPEC_ATTRIBUTE, StackSpec.class)
                    .orElseGet(() -> spec(operations));
            StackReadiness readiness = new StackReadiness(operations.clients(), spec);
            ReadinessScope scope = readiness.scope(readiness.discover(), context.clock().now());
            context.putAttribute(ATTRIBUTE, scope);
            return scope;
        });
    }

    /** Both regions: as given, else where the stack's VPCs are tagged primary and dr (a read call per region). */
    static StackSpec spec(Operations operations) {
        StackTarget target = operations.target();
        if (target.regionsKnown()) {
            return target.spec();
        }
        List<String> candidates = List.copyOf(new TreeSet<>(Regions.KNOWN));
        StackLocation location = new RegionDiscovery(operations.clients(), target.stack()).locate(candidates)
                .bothRegionsOrThrow();
        return target.withRegions(location.primary().get(), location.dr().get());
    }
}
