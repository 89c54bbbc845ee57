package dr.regions.inmemory.backup;

import dr.regions.inmemory.iam.ServiceRoles;
import dr.regions.inmemory.world.World;

/**
 * The IAM role a caller hands AWS Backup (CreateBackupSelection, StartBackupJob, StartCopyJob) must exist, trust
 * {@code backup.amazonaws.com} and have reached AWS Backup; otherwise Backup answers InvalidParameterValueException
 * "IAM Role ... cannot be assumed by AWS Backup" (terraform-provider-aws issue 9297, a role created a moment before).
 */
final class BackupRole {
    static final String SERVICE = "backup.amazonaws.com";

    private BackupRole() {
    }

    static String assumable(World world, String roleArn) {
        if (!ServiceRoles.assumable(world, roleArn, SERVICE)) {
            throw BackupErrors.invalidParameter("IAM Role " + roleArn + " cannot be assumed by AWS Backup");
        }
        return roleArn;
    }
}
