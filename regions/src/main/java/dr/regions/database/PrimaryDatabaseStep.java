package dr.regions.database;

import dr.core.DrException;
import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecurityRoles;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.List;
import java.util.Optional;

/**
 * The writer of the region: found as the region's database that RDS lists without a replication source (not
 * retired). Created only where a fresh stack starts, the primary region of a stack that is not failed over: the
 * primary MySQL database, Multi-AZ, encrypted, automated backups on (a cross-region replica needs them),
 * deletion protection on, not publicly accessible. The master password is generated, sent to RDS and
 * forgotten ({@link MasterPassword}: RDS cannot manage it while the database has a read replica). IAM
 * database authentication is on so the application connects with short-lived tokens, which any region can
 * sign: no secret has to cross regions for the DR side to connect after promotion. Elsewhere (a failed-over stack's
 * DR writer, or the old primary promotion left) a missing writer is a failure: provision never makes a second writer.
 */
public final class PrimaryDatabaseStep extends DatabaseInstanceStep {
    private final boolean mayCreate;

    public PrimaryDatabaseStep(RegionTarget target) {
        this(target, true);
    }

    public PrimaryDatabaseStep(RegionTarget target, boolean mayCreate) {
        super(target, List.of(target.key(DatabaseRoles.SUBNET_GROUP), target.key(SecurityRoles.DB.role())),
                ModeledDurations.RDS_CREATE.plus(ModeledDurations.RDS_BACKING_UP));
        this.mayCreate = mayCreate;
    }

    @Override
    public java.time.Duration timeout() {
        return java.time.Duration.ofMinutes(90);
    }

    @Override
    protected Optional<DBInstance> lookup() {
        return DatabaseInstances.writer(rds(), target.stack());
    }

    @Override
    protected String create(StepContext context) {
        if (!mayCreate) {
            throw DrException.failed("stack " + target.stack() + " has no writable database in " + target.region()
                    + " (its failed-over writer is gone): provision does not make a second writer; restore one from a"
                    + " snapshot, or run dr reprotect");
        }
        StackSpec spec = target.spec();
        String securityGroup = context.require(target.key(SecurityRoles.DB.role()), "id");
        String subnetGroup = context.require(target.key(DatabaseRoles.SUBNET_GROUP), "id");
        int generation = layout().nextGeneration();
        return rds().createDBInstance(r -> r.dbInstanceIdentifier(DatabaseRoles.identifier(spec, generation))
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
                .tags(AwsTags.rds(tags(DatabaseRoles.PRIMARY, generation)))).dbInstance().dbInstanceIdentifier();
    }
}
