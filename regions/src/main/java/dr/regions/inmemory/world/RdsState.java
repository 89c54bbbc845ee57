package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory RDS service in one region. Plain public fields: the sandbox file is this object
 * written by Jackson. No password is ever stored here: RDS never returns one, so neither does the fake.
 */
public final class RdsState {
    /** DB subnet groups by (lower-case) name. */
    public Map<String, DbSubnetGroup> subnetGroups = new TreeMap<>();
    /** DB instances by (lower-case) identifier, including those deleting (dropped once the delete completes). */
    public Map<String, DbInstance> instances = new TreeMap<>();
    /** Manual DB snapshots (final snapshots of deleted instances) by identifier. */
    public Map<String, DbSnapshot> snapshots = new TreeMap<>();
    /**
     * The account's per-region part of every endpoint ({@code <id>.<this>.<region>.rds.amazonaws.com}), made on
     * first use.
     */
    public String endpointSuffix;
    /** ARN of the AWS managed key {@code aws/rds} in this region, made on first use. */
    public String defaultRdsKeyArn;
    /** ARN of the AWS managed key {@code aws/secretsmanager} in this region, made on first use. */
    public String defaultSecretsKeyArn;

    public static final class DbSubnetGroup {
        public String name;
        public String arn;
        public String description;
        public String vpcId;
        /** subnet id → availability zone, in the order given. */
        public Map<String, String> subnets = new LinkedHashMap<>();
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public static final class DbInstance {
        public String identifier;
        public String arn;
        public String resourceId;
        public String instanceClass;
        public String engine;
        public String engineVersion;
        public String masterUsername;
        public String dbName;
        public int allocatedStorage;
        public boolean multiAz;
        public String availabilityZone;
        public String secondaryAvailabilityZone;
        public boolean storageEncrypted;
        public String kmsKeyId;
        public int backupRetentionPeriod;
        public boolean deletionProtection;
        /** CreateDBInstance's CopyTagsToSnapshot: snapshots of the instance get its tags. */
        public boolean copyTagsToSnapshot;
        public boolean publiclyAccessible;
        public boolean iamDatabaseAuthentication;
        public List<String> vpcSecurityGroupIds = new ArrayList<>();
        public String subnetGroupName;
        public String endpointAddress;
        public int port;
        /** Secrets Manager secret RDS manages for the master password, when ManageMasterUserPassword is on. */
        public String masterUserSecretArn;
        public String masterUserSecretKmsKeyId;
        public Instant createTime;
        public Timeline timeline;
        /** ARN of the source DB instance while this is a read replica; null for a standalone instance. */
        public String replicationSourceArn;
        /** When a requested promotion completes (the replica is standalone from then on). */
        public Instant promotionCompletesAt;
        /** ARNs of this instance's read replicas, in any region. */
        public List<String> readReplicaArns = new ArrayList<>();
        /** A read replica's lag behind its source, as RDS publishes it to CloudWatch; null for other instances. */
        public ReplicaLag replicaLag;
        /** Set while deleting with a final snapshot: the snapshot's identifier. */
        public String finalSnapshotIdentifier;
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    /**
     * The replication-lag model of one read replica: how far behind its source it is now ({@code seconds}, also while
     * replication is not active) and the one-minute {@code ReplicaLag} datapoints RDS published, oldest first
     * ({@code -1} while replication is not active), up to {@code sampledUntil}.
     */
    public static final class ReplicaLag {
        public double seconds;
        public Instant sampledUntil;
        public List<LagSample> samples = new ArrayList<>();
    }

    /** One {@code ReplicaLag} datapoint: its minute and value in seconds. */
    public record LagSample(Instant at, double value) {
    }

    public static final class DbSnapshot {
        public String identifier;
        public String arn;
        public String instanceIdentifier;
        public String resourceId;
        public String engine;
        public String engineVersion;
        public int allocatedStorage;
        public String masterUsername;
        public String vpcId;
        public String availabilityZone;
        public int port;
        public boolean encrypted;
        public String kmsKeyId;
        public boolean iamDatabaseAuthentication;
        public Instant instanceCreateTime;
        public Instant createTime;
        public String snapshotType = "manual";
        public Timeline timeline;
        public Map<String, String> tags = new LinkedHashMap<>();
    }
}
