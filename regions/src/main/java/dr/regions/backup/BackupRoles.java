package dr.regions.backup;

import dr.core.model.Tags;
import dr.regions.step.RegionTarget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Role names, names and fixed settings of the AWS Backup resources. The IAM role AWS Backup assumes is the stack's own
 * ({@code dr.regions.identity.IdentityRoles#BACKUP_ROLE}), so no account needs the console's default service role.
 */
public final class BackupRoles {
    public static final String VAULT = "backup-vault";
    public static final String PLAN = "backup-plan";
    public static final String SELECTION = "backup-selection";

    /** The plan's one rule: daily at 05:00 UTC, started within an hour, done within three. */
    public static final String DAILY_RULE = "daily";
    public static final String DAILY_SCHEDULE = "cron(0 5 ? * * *)";
    public static final long START_WINDOW_MINUTES = 60;
    public static final long COMPLETION_WINDOW_MINUTES = 180;
    /** Scheduled recovery points, and their copies in the DR vault, are kept five weeks. */
    public static final long RETENTION_DAYS = 35;

    private BackupRoles() {
    }

    /** {@code <stack>-vault}, the same name in both regions. */
    public static String vaultName(RegionTarget target) {
        return target.name("vault");
    }

    /** The dr tags of a Backup resource whose AWS name differs from {@code <stack>-<role>}. */
    static Map<String, String> tags(RegionTarget target, String role, String name) {
        Map<String, String> tags = new LinkedHashMap<>(target.tags(role));
        tags.put(Tags.NAME, name);
        return tags;
    }
}
