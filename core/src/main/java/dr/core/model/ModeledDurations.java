package dr.core.model;

import java.time.Duration;

/**
 * How long AWS typically takes for the slow operations dr waits on. One table, used both for the plan's
 * estimate and by the in-memory cloud's lifecycles, so the sandbox's modeled time and the estimate agree.
 * Figures are public ones (AWS documentation and the seed guide's observations), rounded.
 */
public final class ModeledDurations {
    /** Seed guide: "NAT gateways creation takes 2-4 minutes". */
    public static final Duration NAT_GATEWAY = Duration.ofMinutes(2);
    /** Seed guide: "RDS take 15-20 minute because it creates a database and then take a snapshot". */
    public static final Duration RDS_CREATE = Duration.ofMinutes(12);
    /** The initial automated backup after create (state backing-up), the rest of the 15-minute figure. */
    public static final Duration RDS_BACKING_UP = Duration.ofMinutes(3);
    /** Cross-region read replica: snapshot, copy across regions, restore; commonly 20+ minutes. */
    public static final Duration RDS_CROSS_REGION_REPLICA = Duration.ofMinutes(20);
    /** Promotion of a read replica (state modifying), a few minutes. */
    public static final Duration RDS_PROMOTE = Duration.ofMinutes(5);
    /** Deleting a DB instance. */
    public static final Duration RDS_DELETE = Duration.ofMinutes(8);
    /** Modifying a DB instance (e.g. turning deletion protection off). */
    public static final Duration RDS_MODIFY = Duration.ofMinutes(1);
    /** Application Load Balancer provisioning to active: about 3 minutes. */
    public static final Duration ALB_PROVISION = Duration.ofMinutes(3);
    /** CloudFront distribution InProgress to Deployed after a change: about 5 minutes. */
    public static final Duration CLOUDFRONT_DEPLOY = Duration.ofMinutes(5);
    /** Route 53 change PENDING to INSYNC: usually within 60 seconds. */
    public static final Duration ROUTE53_CHANGE = Duration.ofSeconds(60);
    /** ACM DNS validation once the CNAME resolves: a few minutes. */
    public static final Duration ACM_VALIDATION = Duration.ofMinutes(3);
    /** EC2 instance pending to running. */
    public static final Duration INSTANCE_BOOT = Duration.ofMinutes(1);
    /**
     * A golden-image builder after it is running: cloud-init runs its user data (a dnf install of one or two
     * packages from the regional Amazon Linux 2023 repositories and a few files, about a minute), doubled for margin.
     */
    public static final Duration BUILDER_USER_DATA = Duration.ofMinutes(2);
    /** ASG instance launch through InService, and target health checks passing. */
    public static final Duration ASG_INSTANCE_IN_SERVICE = Duration.ofMinutes(3);
    /** An Auto Scaling group shows "Delete in progress" for a short while before it is gone. */
    public static final Duration ASG_DELETE = Duration.ofSeconds(30);
    /** Auto Scaling retries a failed instance launch with backoff; modeled as one retry a minute. */
    public static final Duration ASG_LAUNCH_RETRY = Duration.ofMinutes(1);
    /** Target group: healthy after the health-check threshold passes (5 x 30 s default would be longer; dr sets 2 x 10 s). */
    public static final Duration TARGET_HEALTHY = Duration.ofSeconds(30);
    /** AWS Backup on-demand EC2 backup (AMI) job: CREATED to COMPLETED. */
    public static final Duration BACKUP_JOB = Duration.ofMinutes(10);
    /** AWS Backup cross-region copy job: CREATED to COMPLETED. */
    public static final Duration BACKUP_COPY_JOB = Duration.ofMinutes(12);
    /** Each state of a backup or copy job before RUNNING. */
    public static final Duration BACKUP_JOB_START = Duration.ofMinutes(1);
    /** Private hosted zone association with a VPC. */
    public static final Duration HOSTED_ZONE_CREATE = Duration.ofSeconds(60);
    /** EC2 CreateImage: pending to available. An AWS Backup EC2 job is CreateImage underneath, so the same figure. */
    public static final Duration IMAGE_CREATE = BACKUP_JOB;
    /** EC2 CopyImage across regions: pending to available; the same figure as a Backup cross-region copy job. */
    public static final Duration IMAGE_COPY = BACKUP_COPY_JOB;
    /** NAT gateway deleting to deleted: about a minute. */
    public static final Duration NAT_GATEWAY_DELETE = Duration.ofMinutes(1);
    /** EC2 instance shutting-down to terminated: usually under a minute or two. */
    public static final Duration INSTANCE_TERMINATE = Duration.ofMinutes(1);
    /** Deleted NAT gateways and terminated instances stay visible in Describe calls for about an hour (EC2 docs). */
    public static final Duration DELETED_STAYS_VISIBLE = Duration.ofHours(1);
    /** A call that completes at once (create VPC, tag, authorize ingress). */
    public static final Duration IMMEDIATE = Duration.ZERO;

    private ModeledDurations() {
    }
}
