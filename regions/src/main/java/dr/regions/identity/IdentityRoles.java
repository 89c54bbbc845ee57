package dr.regions.identity;

import dr.core.engine.StepKey;

import java.util.List;

/**
 * Names and fixed settings of the stack's IAM resources, all global (keys {@code global/...}) and under the path
 * {@value #PATH}, so that an IAM policy can name them all as {@code role/dr/*}: the role AWS Backup assumes
 * ({@code <stack>-backup-role}), the app tier's role ({@code <stack>-app-role}) with its inline
 * {@value #DB_CONNECT_POLICY} policy, and the instance profile that carries it ({@code <stack>-app-profile}).
 */
public final class IdentityRoles {
    public static final String PATH = "/dr/";
    public static final String BACKUP_ROLE = "backup-role";
    public static final String APP_ROLE = "app-role";
    public static final String APP_PROFILE = "app-profile";
    public static final String DB_CONNECT = "app-db-connect";
    public static final StepKey BACKUP_ROLE_KEY = StepKey.global(BACKUP_ROLE);
    public static final StepKey APP_ROLE_KEY = StepKey.global(APP_ROLE);
    public static final StepKey APP_PROFILE_KEY = StepKey.global(APP_PROFILE);
    public static final StepKey DB_CONNECT_KEY = StepKey.global(DB_CONNECT);

    public static final String BACKUP_SERVICE = "backup.amazonaws.com";
    public static final String EC2_SERVICE = "ec2.amazonaws.com";
    /**
     * AWS's managed policies for a Backup service role: back up (and copy) and restore. ARNs from the AWS Managed Policy
     * Reference (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSBackupServiceRolePolicyForBackup.html,
     * .../AWSBackupServiceRolePolicyForRestores.html).
     */
    public static final List<String> BACKUP_POLICIES = List.of(
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");
    /** The inline policy on the app role that allows {@code rds-db:connect}. */
    public static final String DB_CONNECT_POLICY = "rds-db-connect";
    /** The database user the app tier connects as, with IAM authentication (see the README). */
    public static final String DB_USER = "app";

    private IdentityRoles() {
    }

    /** What an IAM policy may name the stack's role with this logical role by, whatever the stack: {@code role/dr/*-<role>}. */
    public static String anyStackRoleArn(String partitionAndAccount, String role) {
        return "arn:aws:iam::" + partitionAndAccount + ":role" + PATH + "*-" + role;
    }
}
