package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.DbSnapshot;
import dr.regions.inmemory.world.RdsState.DbSubnetGroup;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;

import java.util.Set;

/** ModifyDBInstance and DeleteDBInstance. */
final class ModifyDeleteOperations {
    /** The states in which an instance cannot be snapshotted (RDS User Guide, "Viewing DB instance status"). */
    static final Set<String> FAILURE_STATES = Set.of("failed", "incompatible-restore", "incompatible-network");

    private final RdsContext ctx;
    private final RdsView view;
    private final DbInstanceOperations instances;

    ModifyDeleteOperations(RdsContext ctx, RdsView view, DbInstanceOperations instances) {
        this.ctx = ctx;
        this.view = view;
        this.instances = instances;
    }

    ModifyDbInstanceResponse modify(ModifyDbInstanceRequest request) {
        DbInstance db = ctx.instance(request.dbInstanceIdentifier());
        String state = ctx.state(db);
        if (!state.equals("available")) {
            throw RdsErrors.invalidInstanceState("Database instance is not in available state.");
        }
        Boolean manage = request.manageMasterUserPassword();
        if (Boolean.TRUE.equals(manage) && request.masterUserPassword() != null) {
            throw RdsErrors.invalidParameterCombination(
                    "You can't specify MasterUserPassword when ManageMasterUserPassword is turned on.");
        }
        if (Boolean.FALSE.equals(manage) && db.masterUserSecretArn != null && request.masterUserPassword() == null) {
            throw RdsErrors.invalidParameterCombination(
                    "You must specify MasterUserPassword when you turn off ManageMasterUserPassword.");
        }
        if (request.masterUserPassword() != null) {
            MasterPassword.checkLength(request.masterUserPassword());
        }
        String instanceClass = request.dbInstanceClass() == null ? null
                : DbInstanceOperations.validInstanceClass(request.dbInstanceClass());
        Integer retention = request.backupRetentionPeriod() == null ? null
                : DbInstanceOperations.validRetention(request.backupRetentionPeriod(), 0);
        boolean changes = instanceClass != null || retention != null || request.deletionProtection() != null
                || manage != null || request.masterUserPassword() != null || request.multiAZ() != null
                || request.copyTagsToSnapshot() != null;
        if (!changes) {
            throw RdsErrors.invalidParameterCombination("No modifications were requested");
        }
        if (instanceClass != null) {
            db.instanceClass = instanceClass;
        }
        if (retention != null) {
            db.backupRetentionPeriod = retention;
        }
        if (request.deletionProtection() != null) {
            db.deletionProtection = request.deletionProtection();
        }
        if (request.multiAZ() != null) {
            db.multiAz = request.multiAZ();
        }
        if (request.copyTagsToSnapshot() != null) {
            db.copyTagsToSnapshot = request.copyTagsToSnapshot();
        }
        if (Boolean.TRUE.equals(manage) && db.masterUserSecretArn == null) {
            instances.manageMasterPassword(db, request.masterUserSecretKmsKeyId());
        } else if (Boolean.FALSE.equals(manage)) {
            db.masterUserSecretArn = null;
            db.masterUserSecretKmsKeyId = null;
        }
        // Changes apply at once (dr always asks ApplyImmediately); the instance is briefly "modifying".
        db.timeline.restart(ctx.now(), "modifying").then("available", ModeledDurations.RDS_MODIFY);
        return ModifyDbInstanceResponse.builder().dbInstance(view.instance(db)).build();
    }

    DeleteDbInstanceResponse delete(DeleteDbInstanceRequest request) {
        DbInstance db = ctx.instance(request.dbInstanceIdentifier());
        if (ctx.state(db).equals("deleting")) {
            throw RdsErrors.invalidInstanceState("Instance " + db.identifier + " is already being deleted.");
        }
        if (db.deletionProtection) {
            throw RdsErrors.invalidParameterCombination(
                    "Cannot delete protected DB Instance, please disable deletion protection and try again.");
        }
        boolean skip = Boolean.TRUE.equals(request.skipFinalSnapshot());
        String finalSnapshot = request.finalDBSnapshotIdentifier();
        if (db.replicationSourceArn != null) {
            // A replica has no final snapshot (DeleteDBInstance, FinalDBSnapshotIdentifier: "Can't be specified
            // when deleting a read replica").
            if (finalSnapshot != null) {
                throw RdsErrors.invalidParameterCombination(
                        "FinalDBSnapshotIdentifier can not be specified when deleting a replica instance");
            }
        } else if (skip && finalSnapshot != null) {
            throw RdsErrors.invalidParameterCombination(
                    "Cannot specify both FinalDBSnapshotIdentifier and SkipFinalSnapshot=true.");
        } else if (!skip && finalSnapshot == null) {
            throw RdsErrors.invalidParameterCombination(
                    "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        if (!skip && FAILURE_STATES.contains(ctx.state(db))) {
            // RDS API reference, DeleteDBInstance, SkipFinalSnapshot: "When a DB instance is in a failure state and
            // has a status of failed, incompatible-restore, or incompatible-network, RDS can delete the instance
            // only if you enable this parameter." The error is the operation's InvalidDBInstanceState fault.
            throw RdsErrors.invalidInstanceState("DB instance " + db.identifier + " is in state " + ctx.state(db)
                    + "; it can only be deleted with SkipFinalSnapshot.");
        }
        if (finalSnapshot != null) {
            takeFinalSnapshot(db, finalSnapshot);
        }
        db.timeline.restart(ctx.now(), "deleting").then(RdsLifecycle.DELETED, ModeledDurations.RDS_DELETE);
        db.finalSnapshotIdentifier = finalSnapshot;
        return DeleteDbInstanceResponse.builder().dbInstance(view.instance(db)).build();
    }

    /** The final snapshot is taken while the instance is deleting and is available when the instance is gone. */
    private void takeFinalSnapshot(DbInstance db, String identifier) {
        String id = identifier.toLowerCase();
        if (ctx.state.snapshots.containsKey(id)) {
            throw RdsErrors.snapshotAlreadyExists(id);
        }
        DbSnapshot snapshot = new DbSnapshot();
        snapshot.identifier = id;
        snapshot.arn = ctx.arn("snapshot", id);
        snapshot.instanceIdentifier = db.identifier;
        snapshot.resourceId = db.resourceId;
        snapshot.engine = db.engine;
        snapshot.engineVersion = db.engineVersion;
        snapshot.allocatedStorage = db.allocatedStorage;
        snapshot.masterUsername = db.masterUsername;
        DbSubnetGroup group = db.subnetGroupName == null ? null : ctx.state.subnetGroups.get(db.subnetGroupName);
        snapshot.vpcId = group == null ? null : group.vpcId;
        snapshot.availabilityZone = db.availabilityZone;
        snapshot.port = db.port;
        snapshot.encrypted = db.storageEncrypted;
        snapshot.kmsKeyId = db.kmsKeyId;
        snapshot.iamDatabaseAuthentication = db.iamDatabaseAuthentication;
        snapshot.instanceCreateTime = db.createTime;
        snapshot.createTime = ctx.now();
        snapshot.timeline = Timeline.startingAt(ctx.now(), "creating")
                .then("available", ModeledDurations.RDS_DELETE);
        if (db.copyTagsToSnapshot) {
            // CreateDBInstance, CopyTagsToSnapshot: "Specifies whether to copy tags from the DB instance to snapshots
            // of the DB instance" (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html).
            snapshot.tags.putAll(db.tags);
        }
        ctx.state.snapshots.put(id, snapshot);
        ctx.world.faults().created(snapshot.arn);
    }
}
