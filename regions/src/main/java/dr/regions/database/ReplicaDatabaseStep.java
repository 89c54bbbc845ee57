package dr.regions.database;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.regions.provision.EnsureStep;
import dr.regions.provision.Readiness;
import dr.regions.provision.RegionTarget;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-region read replica in the DR region. AWS requires the source as an ARN for a cross-region
 * replica, and, the source being encrypted, a KMS key of the DR region: the RDS-managed key by alias, which
 * RDS resolves in the region of the call.
 */
public final class ReplicaDatabaseStep extends EnsureStep {
    private final RegionTarget target;
    private final RegionTarget primary;
    private DBInstance seen;

    public ReplicaDatabaseStep(RegionTarget target) {
        super(target.key(DatabaseRoles.REPLICA),
                List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role()),
                        target.other().key(DatabaseRoles.PRIMARY)),
                "AWS::RDS::DBInstance", ModeledDurations.RDS_CROSS_REGION_REPLICA);
        this.target = target;
        this.primary = new RegionTarget(target.spec(), RegionRole.PRIMARY, target.clients());
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(120);
    }

    private String identifier() {
        return target.name("db-replica");
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<DBInstance> found = DatabaseInstances.find(rds(), identifier());
        found.ifPresent(db -> seen = db);
        return found.map(DBInstance::dbInstanceIdentifier);
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
                .tags(RdsTags.of(target.tags(DatabaseRoles.REPLICA)))).dbInstance().dbInstanceIdentifier();
    }

    @Override
    protected Readiness readiness(StepContext context, String id) {
        if (seen == null || !"available".equals(seen.dbInstanceStatus())) {
            seen = DatabaseInstances.require(rds(), id);
        }
        return DatabaseInstances.readiness(seen);
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        return DatabaseInstances.outputs(seen);
    }

    private RdsClient rds() {
        return target.clients().rds(target.region());
    }
}
