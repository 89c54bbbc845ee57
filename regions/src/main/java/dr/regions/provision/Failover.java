package dr.regions.provision;

import dr.core.engine.Step;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseLayout;
import dr.regions.database.PrimaryDatabaseStep;
import dr.regions.database.ReplicaDatabaseStep;
import dr.regions.step.RegionTarget;

/**
 * Where the stack stands in the failover cycle, from the recorded roles of its databases ({@link DatabaseLayout}):
 * provision keeps what promotion, reprotect and failback set up instead of sending traffic back to a primary region
 * whose database stopped receiving writes at the promotion. Failing back is a deliberate act ({@code dr failback}):
 * the primary's database must first hold the writes DR took since.
 */
public enum Failover {
    /** Normal: the primary region serves, DR stands by with its replica. */
    NONE,
    /** The DR database was promoted: DR serves and must keep serving; the primary region has no standby yet. */
    PROMOTED,
    /**
     * DR serves, and the primary region stands by with a read replica of DR's writer at warm-standby size
     * ({@code dr reprotect}), ready for {@code dr failback}.
     */
    REPROTECTED;

    /** Reads the databases of both regions. */
    public static Failover read(StackSpec spec, AwsClients clients) {
        return of(DatabaseLayout.read(spec, clients));
    }

    public static Failover of(DatabaseLayout layout) {
        if (layout.serving() == RegionRole.PRIMARY) {
            return NONE;
        }
        return layout.replica().isPresent() ? REPROTECTED : PROMOTED;
    }

    /** The region role of the region the writer is in. */
    public RegionRole serving() {
        return this == NONE ? RegionRole.PRIMARY : RegionRole.DR;
    }

    /** The spec the plan is built from: while DR serves it has the primary's capacity; reprotected, the primary DR's. */
    public StackSpec apply(StackSpec spec) {
        return switch (this) {
            case NONE -> spec;
            case PROMOTED -> spec.withDrCapacity(spec.primaryCapacity());
            case REPROTECTED -> spec.withDrCapacity(spec.primaryCapacity()).withPrimaryCapacity(spec.drCapacity());
        };
    }

    /**
     * The region's database step: the writer where the stack serves (created only for a fresh stack, in the primary
     * region); in the other region its replica, or, once promoted and before a reprotect, the old primary as found.
     */
    public Step databaseStep(RegionTarget target) {
        if (target.role() == serving()) {
            return new PrimaryDatabaseStep(target, this == NONE);
        }
        return this == PROMOTED ? new PrimaryDatabaseStep(target, false) : new ReplicaDatabaseStep(target);
    }
}
