package dr.regions.database;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.regions.provision.EnsureStep;
import dr.regions.provision.Readiness;
import dr.regions.provision.RegionTarget;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The primary MySQL database: Multi-AZ, encrypted, automated backups on (a cross-region replica needs them),
 * deletion protection on, not publicly accessible. The master password is generated and kept by RDS in
 * Secrets Manager ({@code ManageMasterUserPassword}); dr never sees it. IAM database authentication is on so
 * the application can connect with short-lived tokens, which any region can sign: no secret has to cross
 * regions for the DR side to connect after promotion.
 */
public final class PrimaryDatabaseStep extends EnsureStep {
    private final RegionTarget target;
    private DBInstance seen;

    public PrimaryDatabaseStep(RegionTarget target) {
        super(target.key(DatabaseRoles.PRIMARY),
                List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role())),
                "AWS::RDS::DBInstance", ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        this.target = target;
    }

    @Override
    public java.time.Duration timeout() {
        return java.time.Duration.ofMinutes(90);
    }

    private String identifier() {
        return target.name("db");
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<DBInstance> found = DatabaseInstances.find(rds(), identifier());
        found.ifPresent(db -> seen = db);
        return found.map(DBInstance::dbInstanceIdentifier);
    }

    @Override
    protected String create(StepContext context) {
        StackSpec spec = target.spec();
        String securityGroup = context.require(target.key(SecurityRoles.DB.role()), "id");
        String subnetGroup = context.require(target.key(DatabaseRoles.SUBNET_GROUP), "id");
        return rds().createDBInstance(r -> r.dbInstanceIdentifier(identifier())
                .engine("mysql")
                .engineVersion(spec.dbEngineVersion())
                .dbInstanceClass(spec.dbInstanceClass())
                .allocatedStorage(spec.dbAllocatedStorageGib())
                .dbName(spec.dbName())
                .masterUsername(spec.dbMasterUsername())
                .manageMasterUserPassword(true)
                .enableIAMDatabaseAuthentication(true)
                .multiAZ(true)
                .storageEncrypted(true)
                .backupRetentionPeriod(DatabaseRoles.BACKUP_RETENTION_DAYS)
                .deletionProtection(true)
                .publiclyAccessible(false)
                .copyTagsToSnapshot(true)
                .vpcSecurityGroupIds(securityGroup)
                .dbSubnetGroupName(subnetGroup)
                .tags(RdsTags.of(target.tags(DatabaseRoles.PRIMARY)))).dbInstance().dbInstanceIdentifier();
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
