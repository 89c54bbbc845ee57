package dr.regions.cleanup;

import dr.core.engine.Plan;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.regions.aws.AwsClients;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An inventory as a plan of deletion steps, one per resource, ordered by {@link DeletionOrder}; plus, per region
 * with security groups, the step that revokes their cross-references first. Some resources have no step of their
 * own because AWS deletes them with another: a VPC's main route table and default security group (with the VPC),
 * the AMI behind a recovery point of a stack vault and that AMI's snapshots (AWS Backup deletes them with the point;
 * EC2 refuses DeleteSnapshot while the AMI is registered, InvalidSnapshot.InUse).
 */
final class CleanupPlanner {
    private final AwsClients clients;
    private final CleanupOptions options;
    private final String snapshotSuffix;

    CleanupPlanner(AwsClients clients, CleanupOptions options, String snapshotSuffix) {
        this.clients = clients;
        this.options = options;
        this.snapshotSuffix = snapshotSuffix;
    }

    CleanupPlan plan(Inventory inventory) {
        return plan(inventory, resource -> true);
    }

    /**
     * The steps for the resources {@code scope} selects; the resources outside it that must go before one of them and
     * still exist are the plan's {@link CleanupPlan#mustGoFirst()}: a partial plan is only runnable without them.
     */
    CleanupPlan plan(Inventory inventory, Predicate<StackResource> scope) {
        List<StackResource> all = inventory.resources().stream().filter(r -> ownStep(r, inventory)).toList();
        Set<StackResource> allSet = identitySet(all);
        List<StackResource> planned = all.stream().filter(scope).toList();
        Set<StackResource> plannedSet = identitySet(planned);
        DeletionOrder fullOrder = new DeletionOrder(inventory, allSet::contains);
        List<StackResource> mustGoFirst = planned.stream().flatMap(r -> fullOrder.predecessors(r).stream())
                .filter(before -> !plannedSet.contains(before)).distinct().toList();
        return new CleanupPlan(inventory, steps(inventory, planned, plannedSet), mustGoFirst);
    }

    private Plan steps(Inventory inventory, List<StackResource> planned, Set<StackResource> plannedSet) {
        Map<StackResource, StepKey> keys = keys(planned);
        DeletionOrder order = new DeletionOrder(inventory, plannedSet::contains);
        List<Step> steps = new ArrayList<>();
        Map<String, StepKey> revokes = new HashMap<>();
        for (StackResource resource : planned) {
            if (resource.kind() == ResourceKind.SECURITY_GROUP && !revokes.containsKey(resource.region())) {
                SecurityGroupReferences revoke = new SecurityGroupReferences(resource.region(), inventory.stack(),
                        clients);
                revokes.put(resource.region(), revoke.key());
                steps.add(revoke);
            }
        }
        for (StackResource resource : planned) {
            List<StepKey> dependsOn = new ArrayList<>();
            order.predecessors(resource).forEach(before -> dependsOn.add(keys.get(before)));
            if (resource.kind() == ResourceKind.SECURITY_GROUP) {
                dependsOn.add(revokes.get(resource.region()));
            }
            DeletionTarget target = new DeletionTarget(keys.get(resource), dependsOn, resource, clients);
            steps.add(DeletionSteps.forResource(target, options, snapshotSuffix));
        }
        return Plan.of(steps);
    }

    private static Set<StackResource> identitySet(List<StackResource> resources) {
        Set<StackResource> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(resources);
        return set;
    }

    static boolean ownStep(StackResource resource, Inventory inventory) {
        return switch (resource.kind()) {
            case ROUTE_TABLE -> !resource.flag(Attributes.MAIN);
            case SECURITY_GROUP -> !resource.flag(Attributes.DEFAULT);
            case IMAGE -> !behindRecoveryPoint(resource, inventory);
            case SNAPSHOT -> inventory.ofKind(ResourceKind.IMAGE, resource.region()).stream()
                    .filter(image -> behindRecoveryPoint(image, inventory))
                    .noneMatch(image -> snapshotsOf(image).contains(resource.id()));
            default -> true;
        };
    }

    /** An AMI that is an EC2 recovery point of a stack vault: AWS Backup deletes it, and its snapshots, with the point. */
    private static boolean behindRecoveryPoint(StackResource image, Inventory inventory) {
        return inventory.ofKind(ResourceKind.RECOVERY_POINT, image.region()).stream()
                .anyMatch(point -> image.id().equals(point.attribute(Attributes.IMAGE_ID)));
    }

    private static List<String> snapshotsOf(StackResource image) {
        String snapshots = image.attribute(Attributes.SNAPSHOTS);
        return snapshots == null ? List.of() : List.of(snapshots.split(","));
    }

    /** The resource's role, made unique within its region by the end of its id where two share a role. */
    private static Map<StackResource, StepKey> keys(List<StackResource> resources) {
        Map<String, Integer> uses = new HashMap<>();
        resources.forEach(r -> uses.merge(r.region() + "/" + r.role(), 1, Integer::sum));
        Map<StackResource, StepKey> keys = new IdentityHashMap<>();
        Set<StepKey> taken = new LinkedHashSet<>();
        taken.add(StepKey.of("", SecurityGroupReferences.ROLE));
        for (StackResource resource : resources) {
            String role = resource.role();
            if (uses.get(resource.region() + "/" + role) > 1 || role.equals(SecurityGroupReferences.ROLE)) {
                role = role + "/" + shortId(resource.id());
            }
            StepKey key = StepKey.of(resource.region(), role);
            for (int n = 2; !taken.add(key); n++) {
                key = StepKey.of(resource.region(), role + "#" + n);
            }
            keys.put(resource, key);
        }
        return keys;
    }

    /** {@code vpc-0abc} stays; an ARN keeps its last segment; a record is {@code zone:name:type}. */
    static String shortId(String id) {
        String text = id.replace(' ', ':');
        if (text.startsWith("arn:")) {
            int cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf(':'));
            return text.substring(cut + 1);
        }
        return text;
    }
}
