package dr.regions.database;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The cross-region read replica of the writer in the other region: in DR normally, in the primary region once a
 * reprotect made it the standby of the DR writer. Found as the region's database RDS lists with a replication source.
 * AWS requires the source as an ARN for a cross-region replica, and, the source being encrypted, a KMS key of the
 * replica's region: the RDS-managed key by alias, which RDS resolves in the region of the call.
 */
public final class ReplicaDatabaseStep extends DatabaseInstanceStep {
    private final RegionTarget source;

    public ReplicaDatabaseStep(RegionTarget target) {
        super(target, List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role()),
                        key(target.other())),
                ModeledDurations.RDS_CROSS_REGION_REPLICA);
        this.source = target.other();
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(120);
    }

    @Override
    protected Optional<DBInstance> lookup() {
        return DatabaseInstances.replica(rds(), target.stack());
    }

    @Override
    protected String create(StepContext context) {
        String sourceArn = context.require(key(source), "arn");
        String securityGroup = context.require(target.key(SecurityRoles.DB.role()), "id");
        String subnetGroup = context.require(target.key(DatabaseRoles.SUBNET_GROUP), "id");
        int generation = layout().nextGeneration();
        return rds().createDBInstanceReadReplica(r -> r
                .dbInstanceIdentifier(DatabaseRoles.identifier(target.spec(), generation))
                .sourceDBInstanceIdentifier(sourceArn)
                .sourceRegion(source.region())
                .kmsKeyId(DatabaseRoles.REPLICA_KMS_KEY)
                .dbInstanceClass(target.spec().dbInstanceClass())
                .dbSubnetGroupName(subnetGroup)
                .vpcSecurityGroupIds(securityGroup)
                .multiAZ(false)
                .publiclyAccessible(false)
                .deletionProtection(false)
                .enableIAMDatabaseAuthentication(true)
                // so that its final snapshot, once it is promoted and later deleted, carries the stack's tags
                .copyTagsToSnapshot(true)
                .tags(AwsTags.rds(tags(DatabaseRoles.REPLICA, generation)))).dbInstance().dbInstanceIdentifier();
    }
}
