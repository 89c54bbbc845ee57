package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RegionState;
import dr.regions.inmemory.world.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to DB instances on their own as modeled time passes, applied before every RDS call in any
 * region (replication spans regions): a finished delete drops the instance and its dependencies, a finished
 * promotion ends replication. AWS does this inside the service, so it reads other regions' state directly:
 * a region that is unreachable for clients still replicates and promotes.
 */
public final class RdsLifecycle {
    static final String DELETED = "deleted";

    private RdsLifecycle() {
    }

    public static void settle(World world) {
        Instant now = world.time();
        for (RegionState region : world.regions.values()) {
            List<DbInstance> instances = new ArrayList<>(region.rds.instances.values());
            for (DbInstance instance : instances) {
                if (instance.promotionCompletesAt != null && !now.isBefore(instance.promotionCompletesAt)) {
                    endReplication(world, instance);
                }
                if (instance.timeline.reached(DELETED, now)) {
                    drop(world, region.rds, instance);
                }
            }
        }
    }

    /** The DB instance with this ARN in whatever region, or null. */
    static DbInstance find(World world, String arn) {
        RdsArn parsed = RdsArn.parse(arn);
        if (parsed == null || !parsed.type().equals("db")) {
            return null;
        }
        RegionState region = world.regions.get(parsed.region());
        return region == null ? null : region.rds.instances.get(parsed.name().toLowerCase());
    }

    /** The replica stops replicating and its source stops listing it. */
    static void endReplication(World world, DbInstance replica) {
        DbInstance source = find(world, replica.replicationSourceArn);
        if (source != null) {
            source.readReplicaArns.remove(replica.arn);
        }
        replica.replicationSourceArn = null;
        replica.promotionCompletesAt = null;
    }

    /**
     * A deleted instance disappears. Its read replicas, same-region and cross-region alike, are promoted to
     * standalone instances (RDS User Guide, "Working with read replicas": "If you delete a source DB instance
     * without deleting its read replicas in the same AWS Region, each read replica is promoted to a standalone DB
     * instance"; cross-Region replicas likewise become standalone once their source is gone).
     */
    private static void drop(World world, RdsState state, DbInstance instance) {
        for (String replicaArn : List.copyOf(instance.readReplicaArns)) {
            DbInstance replica = find(world, replicaArn);
            if (replica != null) {
                endReplication(world, replica);
            }
        }
        if (instance.replicationSourceArn != null) {
            endReplication(world, instance);
        }
        world.dependencies.release(instance.arn);
        state.instances.remove(instance.identifier);
    }
}
