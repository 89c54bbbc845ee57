package dr.regions.database;

/** Role names of the database resources. */
public final class DatabaseRoles {
    public static final String SUBNET_GROUP = "db-subnet-group";
    public static final String PRIMARY = "db-primary";
    public static final String REPLICA = "db-replica";
    /** Encryption key for the cross-region replica: the RDS-managed key of the DR region, by alias. */
    public static final String REPLICA_KMS_KEY = "alias/aws/rds";
    public static final int BACKUP_RETENTION_DAYS = 7;

    private DatabaseRoles() {
    }
}
