package dr.regions.database;

import dr.regions.step.Deleting;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way dr looks up a DB instance by identifier (DescribeDBInstances, read-only), and what later steps need
 * from it. "Not found" (DBInstanceNotFound, or an answer without instances) is an answer, not an error; whether an
 * instance in state {@code deleting} counts is the caller's {@link Deleting} choice.
 */
public final class DatabaseInstances {
    static final String DELETING = "deleting";

    private DatabaseInstances() {
    }

    /** The instance named {@code identifier}, if RDS lists it; one {@code deleting} only if {@code deleting} is PRESENT. */
    public static Optional<DBInstance> find(RdsClient rds, String identifier, Deleting deleting) {
        try {
            return describe(rds, identifier).stream()
                    .filter(db -> deleting == Deleting.PRESENT || !DELETING.equals(db.dbInstanceStatus()))
                    .findFirst();
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The instance whatever its state ({@code deleting} included), for callers that know it exists (its own step,
     * a deletion in progress): RDS's DBInstanceNotFound goes to the caller, which decides what "gone" means.
     */
    public static DBInstance require(RdsClient rds, String identifier) {
        return describe(rds, identifier).get(0);
    }

    private static List<DBInstance> describe(RdsClient rds, String identifier) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances();
    }

    static ResourceState readiness(DBInstance db) {
        return ResourceState.of(db.dbInstanceStatus(), "available", "failed", "incompatible-parameters",
                "incompatible-restore", "storage-full", DELETING);
    }

    static Map<String, String> outputs(DBInstance db) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", db.dbInstanceIdentifier());
        outputs.put("arn", db.dbInstanceArn());
        // What IAM database authentication names the database by (rds-db:connect resources).
        outputs.put("resourceId", db.dbiResourceId());
        if (db.endpoint() != null) {
            outputs.put("endpoint", db.endpoint().address());
            outputs.put("port", String.valueOf(db.endpoint().port()));
        }
        return outputs;
    }
}
