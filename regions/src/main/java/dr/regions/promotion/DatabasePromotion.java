package dr.regions.promotion;

import dr.core.engine.StepResult;
import dr.regions.database.DatabaseRoles;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.RoleTag;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Promotes the DR read replica (PromoteReadReplica, called in the DR region as AWS requires for a cross-region
 * replica) with automated backups kept on, then waits until it is available and writable: RDS no longer names a
 * replication source. Both parts first look: a database already standalone is not promoted again, and a replica
 * busy with a promotion an earlier attempt requested is waited on rather than asked twice.
 */
public final class DatabasePromotion {
    static final Duration POLL = Duration.ofSeconds(30);

    private final PromotionTarget target;
    private final int backupRetentionDays;

    public DatabasePromotion(PromotionTarget target, int backupRetentionDays) {
        this.target = target;
        this.backupRetentionDays = backupRetentionDays;
    }

    public DatabasePromotion(PromotionTarget target) {
        this(target, DatabaseRoles.BACKUP_RETENTION_DAYS);
    }

    /** Requests the promotion once the replica is available; done at once when it is standalone already. */
    public StepResult request() {
        DBInstance db = describe();
        boolean replica = isReplica(db);
        if (!replica) {
            return StepResult.ran(db.dbInstanceIdentifier() + " is standalone already",
                    Map.of("requested", false, "database", db.dbInstanceIdentifier()));
        }
        if (!"available".equals(db.dbInstanceStatus())) {
            return StepResult.waiting(db.dbInstanceIdentifier() + " is " + db.dbInstanceStatus()
                    + " (a promotion requested earlier shows as modifying)", POLL);
        }
        rds().promoteReadReplica(r -> r.dbInstanceIdentifier(db.dbInstanceIdentifier())
                .backupRetentionPeriod(backupRetentionDays));
        return StepResult.ran("promotion of " + db.dbInstanceIdentifier() + " requested, automated backups kept "
                        + backupRetentionDays + " days",
                Map.of("requested", true, "database", db.dbInstanceIdentifier(),
                        "backupRetentionDays", backupRetentionDays,
                        "source", db.readReplicaSourceDBInstanceIdentifier()));
    }

    /**
     * What {@link #request} leaves true, looked at without changing anything: empty when the database is standalone
     * or busy (a promotion under way shows as modifying); else it is an available replica nobody asked to promote.
     */
    public Optional<String> requestUnmet() {
        DBInstance db = describe();
        return isReplica(db) && "available".equals(db.dbInstanceStatus())
                ? Optional.of(db.dbInstanceIdentifier() + " is still a read replica and no promotion is under way")
                : Optional.empty();
    }

    /** What {@link #awaitWritable} waits for, looked at once: empty when the database is writable. */
    public Optional<String> writableUnmet() {
        return notWritable(describe());
    }

    private static Optional<String> notWritable(DBInstance db) {
        boolean replica = isReplica(db);
        return !"available".equals(db.dbInstanceStatus()) || replica
                ? Optional.of(db.dbInstanceIdentifier() + " is " + db.dbInstanceStatus()
                        + (replica ? ", still a read replica" : ""))
                : Optional.empty();
    }

    /** Done when the database is available and no longer a replica: it accepts writes. */
    public StepResult awaitWritable() {
        DBInstance db = describe();
        Optional<String> notYet = notWritable(db);
        if (notYet.isPresent()) {
            return StepResult.waiting(notYet.get(), POLL);
        }
        boolean retagged = RoleTag.record(rds(), db, DatabaseRoles.PRIMARY);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("database", db.dbInstanceIdentifier());
        outputs.put("roleRecorded", retagged);
        outputs.put("arn", db.dbInstanceArn());
        outputs.put("endpoint", db.endpoint() == null ? null : db.endpoint().address());
        outputs.put("port", db.endpoint() == null ? null : db.endpoint().port());
        outputs.put("backupRetentionDays", db.backupRetentionPeriod());
        outputs.values().removeIf(java.util.Objects::isNull);
        return StepResult.ran(db.dbInstanceIdentifier() + " is available and writable at "
                + (db.endpoint() == null ? "(no endpoint)" : db.endpoint().address()), outputs);
    }

    static boolean isReplica(DBInstance db) {
        return DatabaseInstances.isReplica(db);
    }

    private DBInstance describe() {
        return target.requireDatabase();
    }

    private RdsClient rds() {
        return target.clients().rds(target.drRegion());
    }
}
