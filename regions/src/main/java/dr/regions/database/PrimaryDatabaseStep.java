package dr.regions.database;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecurityRoles;

import java.util.List;

/**
 * The primary MySQL database: Multi-AZ, encrypted, automated backups on (a cross-region replica needs them),
 * deletion protection on, not publicly accessible. The master password is generated, sent to RDS and
 * forgotten ({@link MasterPassword}: RDS cannot manage it while the database has a read replica). IAM
 * database authentication is on so the application connects with short-lived tokens, which any region can
 * sign: no secret has to cross regions for the DR side to connect after promotion.
 */
public final class PrimaryDatabaseStep extends DatabaseInstanceStep {

    public PrimaryDatabaseStep(RegionTarget target) {
        super(target, DatabaseRoles.PRIMARY, DatabaseRoles.PRIMARY_NAME,
                List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role())),
                ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
    }

    @Override
    public java.time.Duration timeout() {
        return java.time.Duration.ofMinutes(90);
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
                .masterUserPassword(MasterPassword.generate())
                .enableIAMDatabaseAuthentication(true)
                .multiAZ(true)
                .storageEncrypted(true)
                .backupRetentionPeriod(DatabaseRoles.BACKUP_RETENTION_DAYS)
                .deletionProtection(true)
                .publiclyAccessible(false)
                .copyTagsToSnapshot(true)
                .vpcSecurityGroupIds(securityGroup)
                .dbSubnetGroupName(subnetGroup)
                .tags(AwsTags.rds(target.tags(DatabaseRoles.PRIMARY)))).dbInstance().dbInstanceIdentifier();
    }
}
