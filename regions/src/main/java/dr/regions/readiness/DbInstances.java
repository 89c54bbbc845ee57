package dr.regions.readiness;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import java.util.Optional;

/** One DB instance by identifier, read-only; "not found" is an answer, not an error. */
public final class DbInstances {
    /** The identifier provisioning gives the primary ({@code <stack>-db}) and the DR replica. */
    public static final String PRIMARY_NAME = "db";
    public static final String REPLICA_NAME = "db-replica";

    private DbInstances() {
    }

    public static Optional<DBInstance> find(RdsClient rds, String identifier) {
        try {
            return rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances().stream().findFirst();
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        }
    }
}
