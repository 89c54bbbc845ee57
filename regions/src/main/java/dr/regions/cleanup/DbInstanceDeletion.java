package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import dr.regions.aws.AwsServiceErrors;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.FinalSnapshotNames;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A DB instance. A read replica goes without a final snapshot (RDS allows none for replicas). A standalone
 * instance (the primary, or a promoted replica) first has deletion protection turned off and CopyTagsToSnapshot on,
 * so that the final snapshot carries the stack's tags (ModifyDBInstance, applied at once; wait until available
 * again), then goes with a final snapshot {@code <id>-final-<timestamp>},
 * or without one when the operator said {@code --skip-final-snapshot}. Then wait until RDS no longer lists it:
 * a deleting instance still holds its subnet group, subnets and security groups.
 * <p>
 * An instance in a failure state ({@code failed}, {@code incompatible-restore}, {@code incompatible-network}) can
 * only be deleted without a final snapshot (DeleteDBInstance, SkipFinalSnapshot), so it goes without one and the
 * report carries a warning that says so. Such an instance does not recover on its own: when RDS also refuses to turn
 * its deletion protection off, the step stops at once with RDS's reason instead of waiting for its timeout.
 */
final class DbInstanceDeletion extends DeletionStep {
    /** States in which RDS accepts DeleteDBInstance. */
    /** States in which RDS deletes an instance only with SkipFinalSnapshot, and which it does not leave by itself. */
    static final Set<String> FAILURE_STATES = Set.of("failed", "incompatible-restore", "incompatible-network");
    private static final Set<String> DELETABLE = Set.of("available", "backing-up", "stopped", "failed",
            "storage-full", "storage-optimization", "incompatible-parameters", "incompatible-restore",
            "incompatible-network", "inaccessible-encryption-credentials");

    private final boolean skipFinalSnapshot;
    private final String finalSnapshot;
    private String warning;

    DbInstanceDeletion(DeletionTarget target, boolean skipFinalSnapshot, String snapshotSuffix) {
        super(target, ModeledDurations.RDS_MODIFY.plus(ModeledDurations.RDS_DELETE));
        this.skipFinalSnapshot = skipFinalSnapshot;
        this.finalSnapshot = FinalSnapshotNames.cleanup(target.id(), snapshotSuffix);
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
        boolean failure = FAILURE_STATES.contains(status);
        if (!replica && Boolean.TRUE.equals(db.deletionProtection())) {
            if (failure) {
                return turnProtectionOffInFailureState(rds, status);
            }
            if (!"available".equals(status)) {
                return StepResult.waiting(status);
            }
            turnProtectionOff(rds, !skipFinalSnapshot);
            return StepResult.waiting("turning deletion protection off");
        }
        if (!DELETABLE.contains(status)) {
            return StepResult.waiting(status);
        }
        if (replica || skipFinalSnapshot) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(target().id()).skipFinalSnapshot(true));
            return StepResult.waiting("deleting");
        }
        if (failure) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(target().id()).skipFinalSnapshot(true));
            warning = "deleted WITHOUT a final snapshot: DB instance " + target().id() + " was " + status
                    + ", a state in which RDS takes no final snapshot; restore from an automated backup or an earlier"
                    + " snapshot taken before cleanup if its data is needed";
            return StepResult.waiting("deleting without a final snapshot (" + status + ")");
        }
        if (!Boolean.TRUE.equals(db.copyTagsToSnapshot())) {
            // DeleteDBInstance takes no tags for the final snapshot: only the instance's CopyTagsToSnapshot tags it.
            if (!"available".equals(status)) {
                return StepResult.waiting(status);
            }
            rds.modifyDBInstance(r -> r.dbInstanceIdentifier(target().id()).copyTagsToSnapshot(true)
                    .applyImmediately(true));
            return StepResult.waiting("copying its tags to the final snapshot");
        }
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier(target().id()).skipFinalSnapshot(false)
                .finalDBSnapshotIdentifier(finalSnapshot));
        return StepResult.waiting("deleting, final snapshot " + finalSnapshot);
    }

    @Override
    protected Map<String, String> goneOutputs() {
        return warning == null ? Map.of() : Map.of("warning", warning);
    }

    /** With {@code copyTags}, the final snapshot will carry the instance's tags (the stack's) too. */
    private void turnProtectionOff(RdsClient rds, boolean copyTags) {
        rds.modifyDBInstance(r -> {
            r.dbInstanceIdentifier(target().id()).deletionProtection(false).applyImmediately(true);
            if (copyTags) {
                r.copyTagsToSnapshot(true);
            }
        });
    }

    /** A failed instance will not become available: try once, and stop with RDS's reason if it refuses. */
    private StepResult turnProtectionOffInFailureState(RdsClient rds, String status) {
        try {
            turnProtectionOff(rds, false);
        } catch (AwsServiceException refused) {
            if (AwsErrors.isGone(refused)) {
                throw refused;
            }
            return new StepResult.Failed("DB instance " + target().id() + " is " + status
                    + " with deletion protection on, and RDS refuses to turn it off ("
                    + AwsErrors.code(refused) + ": " + AwsErrors.message(refused) + "); it does not leave this state"
                    + " by itself: turn deletion protection off (console or AWS Support) and re-run cleanup",
                    AwsServiceErrors.of(refused).orElse(null));
        }
        return StepResult.waiting("turning deletion protection off (" + status + ")");
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("InvalidDBInstanceState");
    }
}
