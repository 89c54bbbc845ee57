package dr.regions.database;

import dr.core.model.RegionRole;
import dr.core.model.StackSpec;

/**
 * Role names of the database resources. A DB instance's {@code dr:role} tag is its recorded role, not a fixed name:
 * {@link #PRIMARY} on the stack's writer, {@link #REPLICA} on its cross-region read replica, {@link #RETIRED} on a
 * former writer that a reprotect or failback replaced (kept, or deleted with a final snapshot). The commands that
 * change roles (promote-replica, reprotect, failback) rewrite the tag; {@link DatabaseInstances} reads it.
 */
public final class DatabaseRoles {
    public static final String SUBNET_GROUP = "db-subnet-group";
    public static final String PRIMARY = "db-primary";
    public static final String REPLICA = "db-replica";
    public static final String RETIRED = "db-retired";
    /**
     * Which database of the stack this is, counting from 1 in the order they were created: a fresh stack's writer is
     * 1 and its replica 2, and each database a reprotect or failback creates takes the next number. Of two writers
     * (the promoted DR database and the old primary, which promotion cannot reach to retag), the later wins.
     */
    public static final String GENERATION_TAG = "dr:db-generation";
    /** Identifier names of a fresh stack ({@code <stack>-<name>}): the primary's, and the DR replica's. */
    public static final String PRIMARY_NAME = "db";
    public static final String REPLICA_NAME = "db-replica";
    /** Encryption key for the cross-region replica: the RDS-managed key of the replica's region, by alias. */
    public static final String REPLICA_KMS_KEY = "alias/aws/rds";
    public static final int BACKUP_RETENTION_DAYS = 7;

    private DatabaseRoles() {
    }

    /**
     * The role name of a region's database step (and key), whatever role the database plays now: {@link #PRIMARY} in
     * the primary region, {@link #REPLICA} in DR, as before roles moved, so that what uses a region's database need
     * not know which it is.
     */
    public static String stepRole(RegionRole region) {
        return region == RegionRole.PRIMARY ? PRIMARY : REPLICA;
    }

    /**
     * The identifier of the stack's database number {@code generation}: {@code <stack>-db} and {@code <stack>-db-replica}
     * for the first two (so stacks provisioned before roles keep theirs), {@code <stack>-db-g<n>} after; unique across
     * any number of failover cycles, since generations only grow.
     */
    public static String identifier(StackSpec spec, int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation " + generation);
        }
        return switch (generation) {
            case 1 -> spec.name(PRIMARY_NAME);
            case 2 -> spec.name(REPLICA_NAME);
            default -> spec.name(PRIMARY_NAME + "-g" + generation);
        };
    }

    /** Whether {@code identifier} is one {@link #identifier} gives the stack {@code stack}, of any generation. */
    public static boolean isStackDatabase(String stack, String identifier) {
        String prefix = stack + "-" + PRIMARY_NAME;
        return identifier.equals(prefix) || identifier.equals(stack + "-" + REPLICA_NAME)
                || identifier.startsWith(prefix + "-g") && identifier.substring(prefix.length() + 2).matches("[1-9]\\d*");
    }
}
