package dr.regions.inmemory.backup;

import dr.regions.inmemory.iam.ServiceRoles;
import dr.regions.inmemory.world.BackupState.RecoveryPoint;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.IamState;
import dr.regions.inmemory.world.RegionState;
import dr.regions.inmemory.world.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * AWS Backup's recovery-point deletion, which is asynchronous (Backup API reference, DeleteRecoveryPoint,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteRecoveryPoint.html): the call answers HTTP 200 at
 * once and the point is {@code DELETING} (RecoveryPointStatus) until Backup has deregistered its AMI and deleted the
 * AMI's snapshots, then it is gone; until then its snapshots are in use by a registered AMI, which EC2's
 * DeleteSnapshot refuses. "When an IAM role's permissions are insufficient ... the service sends back an HTTP 200
 * response ... but the recovery point is not deleted. Instead, it enters an EXPIRED state", and "EXPIRED recovery
 * points can be deleted with this API once the IAM role has the iam:CreateServiceLinkedRole action".
 *
 * <p>The model: a first deletion runs as the role that made the point (the devguide, "Deleting backups": EXPIRED
 * points are those "AWS Backup was unable to delete ... because you deleted or modified the original IAM policy");
 * when that role is gone or no longer trusts Backup, the point is EXPIRED. Deleting an EXPIRED point runs as Backup's
 * service-linked role {@code AWSServiceRoleForBackup}, which Backup creates on the caller's behalf when the account
 * has none; a caller denied {@code iam:CreateServiceLinkedRole} (modeled by the fault
 * {@code bareError("iam", "CreateServiceLinkedRole", ...)}, as an SCP's deny) leaves the point EXPIRED.
 */
public final class RecoveryPointDeletions {
    /** How long Backup takes to deregister an AMI and delete its snapshots; AWS documents no figure. */
    public static final Duration DURATION = Duration.ofMinutes(2);

    static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForBackup";
    private static final String SERVICE_LINKED_PATH = "/aws-service-role/" + BackupRole.SERVICE + "/";

    private RecoveryPointDeletions() {
    }

    /** DeleteRecoveryPoint on a completed (or EXPIRED) point: DELETING from now, or EXPIRED with the reason. */
    static void request(World world, RecoveryPoint point) {
        boolean expired = point.expiredBecause != null;
        boolean allowed = expired ? serviceLinkedRole(world) : ServiceRoles.assumable(world, point.iamRoleArn,
                BackupRole.SERVICE);
        if (!allowed) {
            point.expiredBecause = expired
                    ? "AWS Backup could not delete the recovery point: creating its service-linked role "
                    + SERVICE_LINKED_ROLE + " needs iam:CreateServiceLinkedRole for " + BackupRole.SERVICE
                    : "AWS Backup could not delete the recovery point: the IAM role " + point.iamRoleArn
                    + " that created it cannot be assumed by AWS Backup";
            return;
        }
        point.expiredBecause = null;
        point.deletedAt = world.time().plus(DURATION);
    }

    /** Deletions whose time has come take effect: the AMI is deregistered, its snapshot deleted, the point gone. */
    public static void settle(World world) {
        Instant now = world.time();
        for (RegionState region : world.regions.values()) {
            for (RecoveryPoint point : List.copyOf(region.backup.recoveryPoints.values())) {
                if (point.deletedAt != null && !now.isBefore(point.deletedAt)) {
                    deleteImage(region.ec2, point.imageId);
                    region.backup.recoveryPoints.remove(point.arn);
                }
            }
        }
    }

    /** Backup's own deletion of the AMI behind an EC2 point and of its snapshot; an AMI already gone is no matter. */
    private static void deleteImage(Ec2State ec2, String imageId) {
        Ec2State.Image image = imageId == null ? null : ec2.images.remove(imageId);
        if (image != null && image.snapshotId != null) {
            ec2.snapshots.remove(image.snapshotId);
        }
    }

    /** The service-linked role exists, or Backup may create it now with the caller's permissions. */
    private static boolean serviceLinkedRole(World world) {
        if (world.iam.role(SERVICE_LINKED_ROLE) != null) {
            return true;
        }
        if (world.faults().bareErrorFor("iam", "CreateServiceLinkedRole", "global").isPresent()) {
            return false;
        }
        IamState.Role role = new IamState.Role();
        role.name = SERVICE_LINKED_ROLE;
        role.id = "AROA" + world.ids.upper(17);
        role.path = SERVICE_LINKED_PATH;
        role.arn = "arn:aws:iam::" + World.ACCOUNT_ID + ":role" + SERVICE_LINKED_PATH + SERVICE_LINKED_ROLE;
        role.trustPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"" + BackupRole.SERVICE + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        role.createDate = world.time();
        role.attachedPolicies.add("arn:aws:iam::aws:policy/aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup");
        world.iam.roles.put(role.name, role);
        return true;
    }
}
