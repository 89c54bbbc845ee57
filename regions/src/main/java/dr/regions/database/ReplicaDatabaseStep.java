package dr.regions.database;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecurityRoles;

import java.time.Duration;
import java.util.List;

/**
 * The cross-region read replica in the DR region. AWS requires the source as an ARN for a cross-region
 * replica, and, the source being encrypted, a KMS key of the DR region: the RDS-managed key by alias, which
 * RDS resolves in the region of the call.
 */
public final class ReplicaDatabaseStep extends DatabaseInstanceStep {
    private final RegionTarget primary;

    public ReplicaDatabaseStep(RegionTarget target) {
        super(target, DatabaseRoles.REPLICA, DatabaseRoles.REPLICA_NAME,
                List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role()),
                        target.other().key(DatabaseRoles.PRIMARY)),
                ModeledDurations.RDS_CROSS_REGION_REPLICA);
        this.primary = new RegionTarget(target.spec(), RegionRole.PRIMARY, target.clients());
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(120);
    }

    @Override
    protected String create(StepContext context) {
        String sourceArn = context.require(primary.key(DatabaseRoles.PRIMARY), "arn");
        String securityGroup = context.require(target.key(SecurityRoles.DB.role()), "id");
        String subnetGroup = context.require(target.key(DatabaseRoles.SUBNET_GROUP), "id");
        return rds().createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(identifier())
                .sourceDBInstanceIdentifier(sourceArn)
                .sourceRegion(primary.region())
                .kmsKeyId(DatabaseRoles.REPLICA_KMS_KEY)
                .dbInstanceClass(target.spec().dbInstanceClass())
                .dbSubnetGroupName(subnetGroup)
                .vpcSecurityGroupIds(securityGroup)
                .multiAZ(false)
                .publiclyAccessible(false)
                .deletionProtection(false)
                .enableIAMDatabaseAuthentication(true)
                .tags(AwsTags.rds(target.tags(DatabaseRoles.REPLICA)))).dbInstance().dbInstanceIdentifier();
    }
}
