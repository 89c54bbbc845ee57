package dr.regions.provision;

import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.DatabaseRoles;
import dr.regions.step.Deleting;

/**
 * Whether the stack runs failed over: {@code promote-replica} made its DR database a standalone writer. Provision
 * then keeps what promotion set up (both api records and CloudFront's default behavior on the DR origin alone, DR at
 * the primary's capacity) instead of sending traffic back to a primary region whose database stopped receiving writes at the
 * promotion. Failing back is a deliberate act that provision alone cannot do: the primary database must first hold
 * the writes DR took since.
 */
public enum Failover {
    /** Normal: the primary region serves, DR stands by with its replica. */
    NONE,
    /** The DR database was promoted: DR serves and must keep serving. */
    PROMOTED;

    /** One read in the DR region: the DR database exists and replicates from nothing (a promoted standalone). */
    public static Failover read(StackSpec spec, AwsClients clients) {
        return DatabaseInstances.find(clients.rds(spec.drRegion()), spec.name(DatabaseRoles.REPLICA_NAME),
                        Deleting.ABSENT)
                .filter(db -> db.readReplicaSourceDBInstanceIdentifier() == null)
                .map(db -> PROMOTED).orElse(NONE);
    }

    /** The spec the plan is built from: once promoted, DR keeps the primary's capacity. */
    public StackSpec apply(StackSpec spec) {
        return this == PROMOTED ? spec.withDrCapacity(spec.primaryCapacity()) : spec;
    }
}
