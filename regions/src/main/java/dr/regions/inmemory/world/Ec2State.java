package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory EC2 service in one region. Plain public fields: the sandbox file is this object
 * written by Jackson. Lifecycle states are not stored but read from each resource's {@link Timeline} at the
 * modeled time, so resources move on by themselves as the clock advances.
 */
public final class Ec2State {
    public Map<String, Vpc> vpcs = new LinkedHashMap<>();
    public Map<String, Subnet> subnets = new LinkedHashMap<>();
    public Map<String, InternetGateway> internetGateways = new LinkedHashMap<>();
    /** Elastic IPs by allocation id. */
    public Map<String, Address> addresses = new LinkedHashMap<>();
    public Map<String, NatGateway> natGateways = new LinkedHashMap<>();
    public Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    public Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    public Map<String, Instance> instances = new LinkedHashMap<>();
    public Map<String, Image> images = new LinkedHashMap<>();
    public Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    public Map<String, LaunchTemplate> launchTemplates = new LinkedHashMap<>();
    public Map<String, NetworkAcl> networkAcls = new LinkedHashMap<>();
    /** {@code Operation:clientToken} → id of the resource that request created (idempotent retries). */
    public Map<String, String> clientTokens = new LinkedHashMap<>();

    /** Anything EC2 can tag. Field names avoid get/is prefixes so Jackson sees only the fields. */
    public abstract static class Tagged {
        public String id;
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public static final class Vpc extends Tagged {
        public String cidrBlock;
        public boolean enableDnsSupport = true;
        public boolean enableDnsHostnames;
        public String defaultSecurityGroupId;
        public String mainRouteTableId;
        public String dhcpOptionsId;
        public String cidrAssociationId;
    }

    public static final class Subnet extends Tagged {
        public String vpcId;
        public String cidrBlock;
        public String availabilityZone;
        public boolean mapPublicIpOnLaunch;
        /** Host number of the next private address handed out (AWS reserves the first four). */
        public long nextHost = 4;
    }

    public static final class InternetGateway extends Tagged {
        /** The VPC it is attached to, or null. */
        public String attachedVpcId;
    }

    public static final class Address extends Tagged {
        public String publicIp;
    }

    public static final class NatGateway extends Tagged {
        public String subnetId;
        public String vpcId;
        public String connectivityType = "public";
        /** Null for a private NAT gateway. */
        public String allocationId;
        public String privateIp;
        public String networkInterfaceId;
        public String associationId;
        public Instant createTime;
        public Instant deleteTime;
        public String failureCode;
        public String failureMessage;
        public Timeline timeline;
    }

    public static final class RouteTable extends Tagged {
        public String vpcId;
        public boolean main;
        /** The main association's id (only for the main route table). */
        public String mainAssociationId;
        public List<Route> routes = new ArrayList<>();
        /** association id → subnet id, explicit associations only. */
        public Map<String, String> subnetAssociations = new LinkedHashMap<>();
    }

    public static final class Route {
        public String destinationCidrBlock;
        /** {@code local}, an internet gateway id, or null. */
        public String gatewayId;
        public String natGatewayId;
        /** {@code CreateRouteTable} for the local route, {@code CreateRoute} otherwise. */
        public String origin;
    }

    /**
     * A network ACL. {@code associations}: association id → subnet id. A VPC's default ACL is made the first time a
     * network ACL call looks at the VPC ({@code NetworkAclOperations#defaults}), with every subnet not associated
     * elsewhere: on AWS it exists from the VPC's creation, and only these calls can see it.
     */
    public static final class NetworkAcl extends Tagged {
        public String vpcId;
        public boolean isDefault;
        public List<AclEntry> entries = new ArrayList<>();
        public Map<String, String> associations = new LinkedHashMap<>();
    }

    /** One numbered rule; {@code protocol} {@code -1} is all, ports null for all. */
    public static final class AclEntry {
        public int ruleNumber;
        public boolean egress;
        public String protocol;
        public String ruleAction;
        public String cidrBlock;
        public Integer fromPort;
        public Integer toPort;
    }

    public static final class SecurityGroup extends Tagged {
        public String vpcId;
        public String groupName;
        public String description;
        public List<Rule> rules = new ArrayList<>();
    }

    /** One security group rule as AWS counts them: one peer (CIDR or group) per rule, with its own sgr- id. */
    public static final class Rule {
        public String ruleId;
        public boolean egress;
        /** {@code tcp}, {@code udp}, {@code icmp}, {@code -1} (all) or a protocol number. */
        public String protocol;
        public Integer fromPort;
        public Integer toPort;
        public String cidrIpv4;
        public String cidrIpv6;
        public String referencedGroupId;
        public String description;
    }

    public static final class Instance extends Tagged {
        public String reservationId;
        public String imageId;
        public String instanceType;
        public String subnetId;
        public String vpcId;
        public String availabilityZone;
        public List<String> securityGroupIds = new ArrayList<>();
        public String userData;
        public String keyName;
        public String iamInstanceProfileArn;
        public String privateIp;
        public String publicIp;
        public String networkInterfaceId;
        public String launchTemplateId;
        public String launchTemplateVersion;
        public String clientToken;
        public int launchIndex;
        public Instant launchTime;
        public Timeline timeline;
    }

    public static final class Image extends Tagged {
        public String name;
        public String description;
        public String ownerId;
        /** {@code amazon} for public base images, null for the account's own. */
        public String ownerAlias;
        public String architecture = "x86_64";
        public String snapshotId;
        public int volumeSize = 8;
        public String sourceInstanceId;
        public String sourceImageId;
        public String sourceImageRegion;
        /** Whether the image's snapshot is encrypted, with {@link Snapshot#kmsKeyId}. */
        public boolean encrypted;
        public Instant creationDate;
        public Timeline timeline;
    }

    public static final class Snapshot extends Tagged {
        public String volumeId;
        public String description;
        public String ownerId;
        public int volumeSize = 8;
        public Instant startTime;
        public Timeline timeline;
        /** The KMS key of an encrypted snapshot; null when not encrypted. */
        public String kmsKeyId;
    }

    public static final class LaunchTemplate extends Tagged {
        public String name;
        public Instant createTime;
        public long defaultVersion = 1;
        public long latestVersion = 1;
        public TreeMap<Long, TemplateVersion> versions = new TreeMap<>();
    }

    public static final class TemplateVersion {
        public long number;
        public String description;
        public Instant createTime;
        public TemplateData data = new TemplateData();
    }

    /** The parts of {@code LaunchTemplateData} dr uses. */
    public static final class TemplateData {
        public String imageId;
        public String instanceType;
        public String keyName;
        /** Base64, as the API carries it. */
        public String userData;
        public List<String> securityGroupIds = new ArrayList<>();
        public List<String> securityGroupNames = new ArrayList<>();
        public String iamInstanceProfileArn;
        public String iamInstanceProfileName;
        public String metadataHttpTokens;
        public Boolean monitoringEnabled;
        /** resource type (instance, volume, ...) → tags applied to resources launched from the template. */
        public Map<String, Map<String, String>> tagSpecifications = new LinkedHashMap<>();
    }
}
