package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.Timeline;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceReadReplicaResponse;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaRequest;
import software.amazon.awssdk.services.rds.model.PromoteReadReplicaResponse;

/**
 * CreateDBInstanceReadReplica and PromoteReadReplica, called on the replica's region. The source is read from
 * its region's state directly: replication is AWS's own traffic, not a client call, so it works while the
 * source region is unreachable for clients.
 */
final class ReadReplicaOperations {
    private final RdsContext ctx;
    private final RdsView view;
    private final DbInstanceOperations instances;

    ReadReplicaOperations(RdsContext ctx, RdsView view, DbInstanceOperations instances) {
        this.ctx = ctx;
        this.view = view;
        this.instances = instances;
    }

    CreateDbInstanceReadReplicaResponse create(CreateDbInstanceReadReplicaRequest request) {
        String identifier = DbInstanceOperations.validIdentifier(request.dbInstanceIdentifier());
        String sourceId = request.sourceDBInstanceIdentifier();
        if (sourceId == null || sourceId.isBlank()) {
            throw RdsErrors.missingParameter("SourceDBInstanceIdentifier");
        }
        DbInstance source = source(sourceId);
        boolean crossRegion = !RdsArn.parse(source.arn).region().equals(ctx.region);
        checkSource(source);
        if (ctx.state.instances.containsKey(identifier)) {
            throw RdsErrors.instanceAlreadyExists();
        }
        String kmsKey = replicaKey(source, request.kmsKeyId(), crossRegion);
        if (!crossRegion && request.dbSubnetGroupName() != null) {
            throw RdsErrors.subnetGroupNotAllowed();
        }
        if (request.dbSubnetGroupName() != null) {
            ctx.subnetGroup(request.dbSubnetGroupName());
        }
        String instanceClass = request.dbInstanceClass() == null ? source.instanceClass
                : DbInstanceOperations.validInstanceClass(request.dbInstanceClass());
        OrderableOptions.requireOrderable(source.engine, source.engineVersion, instanceClass);

        DbInstance replica = instances.newInstance(identifier, request.port() == null ? source.port : request.port());
        replica.instanceClass = instanceClass;
        replica.engine = source.engine;
        replica.engineVersion = source.engineVersion;
        replica.masterUsername = source.masterUsername;
        replica.dbName = source.dbName;
        replica.allocatedStorage = request.allocatedStorage() == null ? source.allocatedStorage
                : request.allocatedStorage();
        replica.multiAz = Boolean.TRUE.equals(request.multiAZ());
        replica.storageEncrypted = source.storageEncrypted;
        replica.kmsKeyId = kmsKey;
        // "RDS creates read replicas with backups disabled" (CreateDBInstanceReadReplica).
        replica.backupRetentionPeriod = 0;
        replica.deletionProtection = Boolean.TRUE.equals(request.deletionProtection());
        replica.publiclyAccessible = Boolean.TRUE.equals(request.publiclyAccessible());
        replica.iamDatabaseAuthentication = request.enableIAMDatabaseAuthentication() == null
                ? source.iamDatabaseAuthentication : request.enableIAMDatabaseAuthentication();
        replica.tags.putAll(RdsTags.toMap(request.tags()));
        // CreateDBInstanceReadReplica, CopyTagsToSnapshot: "Specifies whether to copy all tags from the read replica
        // to snapshots of the read replica. By default, tags aren't copied." Not inherited from the source
        // (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html).
        replica.copyTagsToSnapshot = Boolean.TRUE.equals(request.copyTagsToSnapshot());
        if (crossRegion) {
            instances.placement().place(replica, request.dbSubnetGroupName(), request.vpcSecurityGroupIds());
        } else {
            instances.placement().place(replica, source.subnetGroupName,
                    request.hasVpcSecurityGroupIds() ? request.vpcSecurityGroupIds() : source.vpcSecurityGroupIds);
        }
        replica.replicationSourceArn = source.arn;
        replica.timeline = Timeline.startingAt(ctx.now(), "creating")
                .then("available", crossRegion ? ModeledDurations.RDS_CROSS_REGION_REPLICA : ModeledDurations.RDS_CREATE);
        instances.register(replica);
        source.readReplicaArns.add(replica.arn);
        return CreateDbInstanceReadReplicaResponse.builder().dbInstance(view.instance(replica)).build();
    }

    /**
     * The source named by the request. A plain identifier names an instance of this region; a source in another
     * region must be given as its ARN ("If the source DB instance is in a different AWS Region from the read
     * replica, specify a valid DB instance ARN"), otherwise it is simply not found here.
     */
    private DbInstance source(String sourceId) {
        RdsArn arn = RdsArn.parse(sourceId);
        if (arn == null || arn.region().equals(ctx.region)) {
            return ctx.instance(sourceId);
        }
        DbInstance source = arn.type().equals("db") ? RdsLifecycle.find(ctx.world, sourceId) : null;
        if (source == null) {
            throw RdsErrors.instanceNotFound(sourceId);
        }
        return source;
    }

    private void checkSource(DbInstance source) {
        String state = source.timeline.stateAt(ctx.now());
        if (!state.equals("available")) {
            throw RdsErrors.invalidInstanceState("DB instance " + source.identifier + " is not in available state.");
        }
        // "Your source DB instance or cluster must have backup retention enabled."
        if (source.backupRetentionPeriod <= 0) {
            throw RdsErrors.invalidInstanceState("Automated backups are not enabled for this database instance. To"
                    + " enable automated backups, use ModifyDBInstance to set the backup retention period to a"
                    + " non-zero value.");
        }
        // RDS User Guide, "Limitations for Secrets Manager integration with Amazon RDS": creating a read replica
        // is not supported when the source manages its master password in Secrets Manager (all engines but SQL
        // Server). The guide gives no error code; InvalidParameterCombination is how RDS refuses other
        // unsupported combinations of a request with its source.
        if (source.masterUserSecretArn != null) {
            throw RdsErrors.invalidParameterCombination("Read replicas are not supported for a source DB instance"
                    + " whose master user password is managed in AWS Secrets Manager (" + source.identifier + ").");
        }
    }

    /**
     * The replica's KMS key. Same region: always the source's key, and naming one is refused. Cross-region:
     * an encrypted source needs a key of THIS region (KMS keys are regional; a key ARN of another region is
     * not found here), and without one RDS refuses to make an unencrypted replica of an encrypted source.
     */
    private String replicaKey(DbInstance source, String requestedKey, boolean crossRegion) {
        if (!crossRegion) {
            if (requestedKey != null) {
                throw RdsErrors.invalidParameterCombination("Your request does not require the KMS key parameter."
                        + " Please remove the KMS key parameter and try your request again.");
            }
            return source.kmsKeyId;
        }
        if (!source.storageEncrypted) {
            if (requestedKey != null) {
                throw RdsErrors.invalidParameterCombination(
                        "Cannot create an encrypted read replica from an unencrypted source.");
            }
            return null;
        }
        if (requestedKey == null) {
            throw RdsErrors.invalidParameterCombination(
                    "Cannot create a cross region unencrypted read replica from encrypted source.");
        }
        return ctx.resolveKmsKey(requestedKey);
    }

    PromoteReadReplicaResponse promote(PromoteReadReplicaRequest request) {
        DbInstance replica = ctx.instance(request.dbInstanceIdentifier());
        if (replica.replicationSourceArn == null) {
            throw RdsErrors.invalidInstanceState("DB Instance is not a read replica.");
        }
        if (!ctx.state(replica).equals("available")) {
            throw RdsErrors.invalidInstanceState("DB instance " + replica.identifier + " is not in available state.");
        }
        // PromoteReadReplica, BackupRetentionPeriod: "Default: 1".
        replica.backupRetentionPeriod = DbInstanceOperations.validRetention(request.backupRetentionPeriod(), 1);
        replica.timeline.restart(ctx.now(), "modifying").then("available", ModeledDurations.RDS_PROMOTE);
        replica.promotionCompletesAt = ctx.now().plus(ModeledDurations.RDS_PROMOTE);
        return PromoteReadReplicaResponse.builder().dbInstance(view.instance(replica)).build();
    }
}
