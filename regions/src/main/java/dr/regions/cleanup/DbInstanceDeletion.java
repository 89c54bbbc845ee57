package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import dr.regions.database.DatabaseInstances;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.Set;

/**
 * A DB instance. A read replica goes without a final snapshot (RDS allows none for replicas). A standalone
 * instance (the primary, or a promoted replica) first has deletion protection turned off (ModifyDBInstance,
 * applied at once; wait until available again), then goes with a final snapshot {@code <id>-final-<timestamp>},
 * or without one when the operator said {@code --skip-final-snapshot}. Then wait until RDS no longer lists it:
 * a deleting instance still holds its subnet group, subnets and security groups.
 */
final class DbInstanceDeletion extends DeletionStep {
    /** States in which RDS accepts DeleteDBInstance. */
    private static final Set<String> DELETABLE = Set.of("available", "backing-up", "stopped", "failed",
            "storage-full", "storage-optimization", "incompatible-parameters", "incompatible-restore",
            "incompatible-network", "inaccessible-encryption-credentials");

    private final boolean skipFinalSnapshot;
    private final String finalSnapshot;

    DbInstanceDeletion(DeletionTarget target, boolean skipFinalSnapshot, String snapshotSuffix) {
        super(target, ModeledDurations.RDS_MODIFY.plus(ModeledDurations.RDS_DELETE));
        this.skipFinalSnapshot = skipFinalSnapshot;
        this.finalSnapshot = target.id() + "-final-" + snapshotSuffix;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(90);
    }

    @Override
    protected StepResult advance(StepContext context) {
        RdsClient rds = target().clients().rds(target().region());
        DBInstance db = DatabaseInstances.require(rds, target().id());
        String status = db.dbInstanceStatus();
        if ("deleting".equals(status)) {
            return StepResult.waiting("deleting");
        }
        boolean replica = db.readReplicaSourceDBInstanceIdentifier() != null;
        if (!replica && Boolean.TRUE.equals(db.deletionProtection())) {
            if (!"available".equals(status)) {
                return StepResult.waiting(status);
            }
            rds.modifyDBInstance(r -> r.dbInstanceIdentifier(target().id()).deletionProtection(false)
                    .applyImmediately(true));
            return StepResult.waiting("turning deletion protection off");
        }
        if (!DELETABLE.contains(status)) {
            return StepResult.waiting(status);
        }
        if (replica || skipFinalSnapshot) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(target().id()).skipFinalSnapshot(true));
            return StepResult.waiting("deleting");
        }
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(target().id()).skipFinalSnapshot(false)
                .finalDBSnapshotIdentifier(finalSnapshot));
        return StepResult.waiting("deleting, final snapshot " + finalSnapshot);
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidDBInstanceState");
    }
}
