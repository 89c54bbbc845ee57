package dr.regions.database;

import dr.core.model.RegionRole;

/** Role names of the database resources. */
public final class DatabaseRoles {
    public static final String SUBNET_GROUP = "db-subnet-group";
    public static final String PRIMARY = "db-primary";
    public static final String REPLICA = "db-replica";
    /** Identifier names ({@code <stack>-<name>}): the primary's, and the DR replica's (which keeps it once promoted). */
    public static final String PRIMARY_NAME = "db";
    public static final String REPLICA_NAME = "db-replica";
    /** Encryption key for the cross-region replica: the RDS-managed key of the DR region, by alias. */
    public static final String REPLICA_KMS_KEY = "alias/aws/rds";
    public static final int BACKUP_RETENTION_DAYS = 7;

    private DatabaseRoles() {
    }

    /** The identifier name of the DB instance of a region: {@link #PRIMARY_NAME} or {@link #REPLICA_NAME}. */
    public static String instanceName(RegionRole role) {
        return role == RegionRole.PRIMARY ? PRIMARY_NAME : REPLICA_NAME;
    }
}
