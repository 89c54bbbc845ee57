package dr.regions.database;

import dr.core.model.Tags;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Records a database's new role in its {@code dr:role} tag (AddTagsToResource overwrites a key's value), only when it
 * says otherwise: promote-replica, reprotect and failback call it when they change which database is the writer, so
 * that discovery ({@code status}, the drill's preflight, {@code graph --live}) sees the roles as they are.
 */
public final class RoleTag {
    private RoleTag() {
    }

    /** True when the tag was changed. */
    public static boolean record(RdsClient rds, DBInstance db, String role) {
        if (role.equals(DatabaseInstances.tag(db, Tags.ROLE))) {
            return false;
        }
        rds.addTagsToResource(r -> r.resourceName(db.dbInstanceArn()).tags(t -> t.key(Tags.ROLE).value(role)));
        return true;
    }
}
