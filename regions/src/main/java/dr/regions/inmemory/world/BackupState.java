package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory AWS Backup service in one region. Plain public fields: the sandbox file is this object
 * written by Jackson.
 */
public final class BackupState {
    /** Backup vaults by name. */
    public Map<String, Vault> vaults = new TreeMap<>();
    /** Backup plans by id, in creation order. */
    public Map<String, Plan> plans = new LinkedHashMap<>();
    /** Backup selections by id, in creation order. */
    public Map<String, Selection> selections = new LinkedHashMap<>();
    /** Backup jobs by id, in creation order. */
    public Map<String, BackupJob> backupJobs = new LinkedHashMap<>();
    /** Copy jobs started in this region, by id, in creation order. */
    public Map<String, CopyJob> copyJobs = new LinkedHashMap<>();
    /** Recovery points by ARN, in creation order. */
    public Map<String, RecoveryPoint> recoveryPoints = new LinkedHashMap<>();
    /** ARN of the AWS managed key {@code aws/backup} in this region, made on first use. */
    public String defaultKeyArn;

    public static final class Vault {
        public String name;
        public String arn;
        public String encryptionKeyArn;
        public String creatorRequestId;
        public Instant creationDate;
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public static final class Plan {
        public String id;
        public String arn;
        public String versionId;
        public String name;
        public String creatorRequestId;
        public Instant creationDate;
        public List<Rule> rules = new ArrayList<>();
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public static final class Rule {
        public String ruleId;
        public String ruleName;
        public String targetVaultName;
        public String scheduleExpression;
        public String scheduleExpressionTimezone;
        public Long startWindowMinutes;
        public Long completionWindowMinutes;
        public Lifecycle lifecycle;
        public List<Copy> copyActions = new ArrayList<>();
    }

    public static final class Copy {
        public String destinationVaultArn;
        public Lifecycle lifecycle;
    }

    public static final class Lifecycle {
        public Long moveToColdStorageAfterDays;
        public Long deleteAfterDays;
    }

    public static final class Selection {
        public String id;
        public String planId;
        public String name;
        public String iamRoleArn;
        public String creatorRequestId;
        public Instant creationDate;
        public List<String> resources = new ArrayList<>();
        public List<String> notResources = new ArrayList<>();
        public List<TagCondition> listOfTags = new ArrayList<>();
    }

    public static final class TagCondition {
        public String type;
        public String key;
        public String value;
    }

    public static final class BackupJob {
        public String id;
        public String vaultName;
        public String vaultArn;
        public String resourceArn;
        public String resourceType;
        public String iamRoleArn;
        public String recoveryPointArn;
        public String idempotencyToken;
        public Instant creationDate;
        /** CREATED → RUNNING → COMPLETED. */
        public Timeline timeline;
    }

    public static final class CopyJob {
        public String id;
        public String sourceVaultArn;
        public String sourceRecoveryPointArn;
        public String destinationVaultArn;
        public String destinationRecoveryPointArn;
        public String resourceArn;
        public String resourceType;
        public String iamRoleArn;
        public String idempotencyToken;
        public Instant creationDate;
        /** CREATED → RUNNING → COMPLETED. */
        public Timeline timeline;
    }

    public static final class RecoveryPoint {
        public String arn;
        public String vaultName;
        public String vaultArn;
        /** For a copy: the vault the copied recovery point is in. */
        public String sourceVaultArn;
        public String resourceArn;
        public String resourceType;
        public String iamRoleArn;
        /** The AMI behind an EC2 recovery point. */
        public String imageId;
        public Instant creationDate;
        /** When the job that makes this recovery point completes; it is COMPLETED from then on. */
        public Instant completionDate;
        public Lifecycle lifecycle;
        /**
         * When AWS Backup finishes the deletion DeleteRecoveryPoint started (the point is DELETING until then, and
         * its AMI and snapshots stay); null while no deletion is under way.
         */
        public Instant deletedAt;
        /** Why AWS Backup could not delete it: the point is EXPIRED (DescribeRecoveryPoint's StatusMessage). */
        public String expiredBecause;
        /**
         * Backup tags, for a recovery point with an {@code arn:aws:backup} ARN; an EC2 recovery point has none (its
         * tags are its AMI's).
         */
        public Map<String, String> tags = new LinkedHashMap<>();
    }
}
