package dr.regions.graph;

import dr.core.engine.Plan;
import dr.core.engine.StepKey;
import dr.core.model.StackSpec;
import dr.core.model.RegionRole;
import dr.regions.backup.BackupRoles;
import dr.regions.database.DatabaseRoles;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.identity.IdentityRoles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What discovery saw of each planned resource, as the live graph marks it: {@code ok}, its state when not healthy, or
 * {@code not verified} for one of a kind discovery could not read (or in a region it could not reach).
 */
final class LiveStatuses {
    /** States in which a discovered resource counts as healthy; anything else is drawn as its state. */
    private static final Set<String> HEALTHY = Set.of("available", "active", "running", "inservice", "deployed",
            "issued", "completed", "complete", "attached", "associated", "ok", "healthy", "insync");

    private LiveStatuses() {
    }

    static Map<StepKey, String> of(Plan plan, Inventory inventory, StackSpec stack) {
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

    /**
     * Discovery names a plan's selection after its plan ({@code backup-plan-selection}); the plan step is one. A
     * region's database, whichever role it plays now (writer, or replica once reprotected), is that region's
     * database step; a retired one is no step of the plan.
     */
    private static String roleOf(StackResource resource) {
        if (resource.kind() == ResourceKind.DB_INSTANCE && !DatabaseRoles.RETIRED.equals(resource.role())) {
            return DatabaseRoles.stepRole("primary".equals(resource.regionRole()) ? RegionRole.PRIMARY : RegionRole.DR);
        }
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
