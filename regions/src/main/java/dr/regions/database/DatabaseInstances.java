package dr.regions.database;

import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Looking up a DB instance by identifier, and what later steps need from it. */
public final class DatabaseInstances {
    private DatabaseInstances() {
    }

    /** The instance, unless it does not exist or is being deleted. */
    public static Optional<DBInstance> find(RdsClient rds, String identifier) {
        try {
            return rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances().stream()
                    .filter(db -> !"deleting".equals(db.dbInstanceStatus()))
                    .findFirst();
        } catch (DbInstanceNotFoundException e) {
            return Optional.empty();
        }
    }

    static DBInstance require(RdsClient rds, String identifier) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances().get(0);
    }

    static ResourceState readiness(DBInstance db) {
        return ResourceState.of(db.dbInstanceStatus(), "available", "failed", "incompatible-parameters",
                "incompatible-restore", "storage-full", "deleting");
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
