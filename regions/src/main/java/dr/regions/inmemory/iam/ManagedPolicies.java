package dr.regions.inmemory.iam;

import java.util.Set;

/**
 * The AWS managed policies the fake knows (AWS Managed Policy Reference): those under {@code service-role/} and the
 * plain ones can be attached to a role; those under {@code aws-service-role/} belong to service-linked roles and are
 * not attachable (PolicyNotAttachable). Any other ARN does not exist.
 */
final class ManagedPolicies {
    private static final String PREFIX = "arn:aws:iam::aws:policy/";
    private static final Set<String> KNOWN = Set.of(
            PREFIX + "service-role/AWSBackupServiceRolePolicyForBackup",
            PREFIX + "service-role/AWSBackupServiceRolePolicyForRestores",
            PREFIX + "AWSBackupServiceRolePolicyForS3Backup",
            PREFIX + "AWSBackupServiceRolePolicyForS3Restore",
            PREFIX + "AmazonSSMManagedInstanceCore",
            PREFIX + "ReadOnlyAccess",
            PREFIX + "aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup",
            PREFIX + "aws-service-role/AWSServiceRolePolicyForBackupRestoreTesting");

    private ManagedPolicies() {
    }

    static boolean exists(String arn) {
        return KNOWN.contains(arn);
    }

    static boolean attachable(String arn) {
        return exists(arn) && !arn.startsWith(PREFIX + "aws-service-role/");
    }
}
