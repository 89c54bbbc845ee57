package dr.regions.discovery;

/** Names of the {@link StackResource#attributes()} readers fill in. List values are comma-separated. */
public final class Attributes {
    public static final String NAME = "name";
    public static final String ARN = "arn";
    public static final String VPC_ID = "vpcId";
    public static final String CIDR = "cidr";
    /** Route table: the VPC's main table (deleted with the VPC, never on its own). */
    public static final String MAIN = "main";
    /** Security group: the VPC's default group (deleted with the VPC, never on its own). */
    public static final String DEFAULT = "default";
    public static final String ATTACHED_VPC = "attachedVpc";
    public static final String ALLOCATION_ID = "allocationId";
    public static final String PUBLIC_IP = "publicIp";
    /** Instance: the Auto Scaling group it belongs to. */
    public static final String AUTO_SCALING_GROUP = "autoScalingGroup";
    /** Image: the EBS snapshots behind it. */
    public static final String SNAPSHOTS = "snapshots";
    /** When an AMI was created (ISO 8601, as EC2 gives it). */
    public static final String CREATED = "created";
    public static final String DNS_NAME = "dnsName";
    public static final String LOAD_BALANCER = "loadBalancer";
    public static final String LISTENER = "listener";
    public static final String PORT = "port";
    /** DB instance: the ARN of the source of a read replica. */
    public static final String REPLICA_OF = "replicaOf";
    public static final String DELETION_PROTECTION = "deletionProtection";
    public static final String VAULT = "vault";
    public static final String PLAN_ID = "planId";
    /** Recovery point: the AMI behind an EC2 recovery point. */
    public static final String IMAGE_ID = "imageId";
    public static final String DOMAIN = "domain";
    public static final String ALTERNATIVE_NAMES = "alternativeNames";
    /** Certificate: its DNS validation CNAMEs as {@code name=value}. */
    public static final String VALIDATION_RECORDS = "validationRecords";
    public static final String ZONE_ID = "zoneId";
    public static final String ZONE_NAME = "zoneName";
    public static final String PRIVATE = "private";
    public static final String RECORD_NAME = "recordName";
    public static final String RECORD_TYPE = "recordType";
    public static final String SET_IDENTIFIER = "setIdentifier";
    public static final String ENABLED = "enabled";
    public static final String ALIASES = "aliases";
    public static final String WEB_ACL = "webAcl";
    /** The region whose endpoint serves a global resource: us-east-1 for a CLOUDFRONT-scope web ACL. */
    public static final String API_REGION = "apiRegion";
    public static final String SCOPE = "scope";

    private Attributes() {
    }
}
