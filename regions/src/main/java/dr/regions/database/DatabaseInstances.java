package dr.regions.database;

import dr.core.model.Tags;
import dr.regions.step.Deleting;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way dr looks up a DB instance by identifier (DescribeDBInstances, read-only), and what later steps need
 * from it. "Not found" (DBInstanceNotFound, or an answer without instances) is an answer, not an error; whether an
 * instance in state {@code deleting} counts is the caller's {@link Deleting} choice.
 *
 * <p>It is also the one lookup of the stack's databases by role in a region ({@link #ofStack}, {@link #writer},
 * {@link #replica}): the recorded role ({@code dr:role}, see {@link DatabaseRoles}) and generation, checked against
 * what RDS itself says. RDS wins where the two disagree on replication (a database RDS lists with a replication source
 * is a replica whatever its tag; one without is a writer unless retired), since a run may die between a promotion and
 * its retag. {@link DatabaseLayout} puts the two regions together.
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

    /** The stack's DB instances in this region, none deleting. */
    public static List<DBInstance> ofStack(RdsClient rds, String stack) {
        return ofStack(rds, stack, Deleting.ABSENT);
    }

    /** The stack's DB instances in this region (DescribeDBInstances carries each one's TagList). */
    public static List<DBInstance> ofStack(RdsClient rds, String stack, Deleting deleting) {
        return rds.describeDBInstancesPaginator(r -> { }).dbInstances().stream()
                .filter(db -> stack.equals(tag(db, Tags.STACK)))
                .filter(db -> deleting == Deleting.PRESENT || !DELETING.equals(db.dbInstanceStatus()))
                .toList();
    }

    /** The stack's writer in this region: its newest database that RDS lists without a replication source, not retired. */
    public static Optional<DBInstance> writer(RdsClient rds, String stack) {
        return newest(ofStack(rds, stack), DatabaseRoles.PRIMARY);
    }

    /** The stack's read replica in this region: its newest database RDS lists with a replication source. */
    public static Optional<DBInstance> replica(RdsClient rds, String stack) {
        return newest(ofStack(rds, stack), DatabaseRoles.REPLICA);
    }

    /** {@link #writer(RdsClient, String)} among databases already read with {@link #ofStack}. */
    public static Optional<DBInstance> writer(List<DBInstance> databases) {
        return newest(databases, DatabaseRoles.PRIMARY);
    }

    /** {@link #replica(RdsClient, String)} among databases already read with {@link #ofStack}. */
    public static Optional<DBInstance> replica(List<DBInstance> databases) {
        return newest(databases, DatabaseRoles.REPLICA);
    }

    /** The newest of {@code databases} playing {@code role} ({@link #role}). */
    static Optional<DBInstance> newest(List<DBInstance> databases, String role) {
        return databases.stream().filter(db -> role.equals(role(db)))
                .max(Comparator.comparingInt(DatabaseInstances::generation));
    }

    /**
     * {@link DatabaseRoles#REPLICA} when RDS names a replication source, {@link DatabaseRoles#RETIRED} when so tagged,
     * else {@link DatabaseRoles#PRIMARY}: a writer (of two writers, the newer generation is the stack's).
     */
    public static String role(DBInstance db) {
        if (isReplica(db)) {
            return DatabaseRoles.REPLICA;
        }
        return DatabaseRoles.RETIRED.equals(tag(db, Tags.ROLE)) ? DatabaseRoles.RETIRED : DatabaseRoles.PRIMARY;
    }

    public static boolean isReplica(DBInstance db) {
        String source = db.readReplicaSourceDBInstanceIdentifier();
        return source != null && !source.isBlank();
    }

    /**
     * The recorded generation; for a database made before generations were recorded, the one its fixed identifier
     * implies ({@code <stack>-db} 1, its replica {@code <stack>-db-replica} 2, which is also the writer once promoted).
     */
    public static int generation(DBInstance db) {
        String recorded = tag(db, DatabaseRoles.GENERATION_TAG);
        if (recorded != null && recorded.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(recorded);
        }
        return DatabaseRoles.REPLICA.equals(tag(db, Tags.ROLE)) ? 2 : 1;
    }

    static String tag(DBInstance db, String key) {
        return db.tagList() == null ? null : db.tagList().stream().filter(t -> key.equals(t.key())).map(Tag::value)
                .findFirst().orElse(null);
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
