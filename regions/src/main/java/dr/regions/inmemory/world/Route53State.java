package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * State of the in-memory Route 53 service (global). Plain public fields: the sandbox file is this object
 * written by Jackson. Names are stored as Route 53 returns them: lower case with a trailing dot.
 */
public final class Route53State {
    /** Bare zone id ({@code Z...}, without {@code /hostedzone/}) → zone. */
    public Map<String, HostedZone> hostedZones = new LinkedHashMap<>();
    /** Health check id → health check. */
    public Map<String, HealthCheck> healthChecks = new LinkedHashMap<>();
    /** Bare change id ({@code C...}) → change. */
    public Map<String, Change> changes = new LinkedHashMap<>();
    /** Every CreateHostedZone caller reference ever used: AWS never accepts one twice. */
    public TreeSet<String> zoneCallerReferences = new TreeSet<>();
    /** Caller references of deleted health checks: AWS refuses to reuse them. */
    public TreeSet<String> deletedHealthCheckCallerReferences = new TreeSet<>();

    public static final class HostedZone {
        public String id;
        public String name;
        public String callerReference;
        public String comment;
        public boolean privateZone;
        public List<VpcAssociation> vpcs = new ArrayList<>();
        public List<String> nameServers = new ArrayList<>();
        public List<RecordSet> records = new ArrayList<>();
        public Map<String, String> tags = new TreeMap<>();
        public Instant createdAt;
    }

    public static final class VpcAssociation {
        public String region;
        public String vpcId;

        public VpcAssociation() {
        }

        public VpcAssociation(String region, String vpcId) {
            this.region = region;
            this.vpcId = vpcId;
        }
    }

    /** One resource record set; identity is name + type + set identifier. */
    public static final class RecordSet {
        public String name;
        public String type;
        public String setIdentifier;
        public Long ttl;
        public List<String> values = new ArrayList<>();
        public Alias alias;
        public String failover;
        public String healthCheckId;
        public Long weight;
        public String region;
        public Boolean multiValueAnswer;

        public RecordSet copy() {
            RecordSet copy = new RecordSet();
            copy.name = name;
            copy.type = type;
            copy.setIdentifier = setIdentifier;
            copy.ttl = ttl;
            copy.values = new ArrayList<>(values);
            copy.alias = alias == null ? null
                    : new Alias(alias.hostedZoneId, alias.dnsName, alias.evaluateTargetHealth);
            copy.failover = failover;
            copy.healthCheckId = healthCheckId;
            copy.weight = weight;
            copy.region = region;
            copy.multiValueAnswer = multiValueAnswer;
            return copy;
        }
    }

    public static final class Alias {
        public String hostedZoneId;
        public String dnsName;
        public boolean evaluateTargetHealth;

        public Alias() {
        }

        public Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
            this.hostedZoneId = hostedZoneId;
            this.dnsName = dnsName;
            this.evaluateTargetHealth = evaluateTargetHealth;
        }
    }

    public static final class HealthCheck {
        public String id;
        public String callerReference;
        public String type;
        public String fullyQualifiedDomainName;
        public String ipAddress;
        public Integer port;
        public String resourcePath;
        public String searchString;
        public int requestInterval;
        public int failureThreshold;
        public boolean inverted;
        public boolean disabled;
        public Boolean enableSni;
        public boolean measureLatency;
        public long version = 1;
        public Instant createdAt;
        public Map<String, String> tags = new TreeMap<>();
        public Sampling sampling = new Sampling();
    }

    /**
     * What Route 53's checkers have observed so far. New health checks count as healthy until enough
     * samples say otherwise (Route 53 Developer Guide, "How Amazon Route 53 determines whether a health
     * check is healthy").
     */
    public static final class Sampling {
        /** The last request-interval boundary sampled; samples fall on createdAt + k × interval. */
        public Instant lastSampleAt;
        public int consecutiveSuccesses;
        public int consecutiveFailures;
        public boolean healthy = true;
        public Instant statusChangedAt;
        public String lastSuccessReport;
        public Instant lastSuccessAt;
        public String lastFailureReport;
        public Instant lastFailureAt;
        /**
         * The Inverted and Disabled settings Route 53 evaluates the check with: those in force at the last sample, so
         * a change takes effect at the next request interval, like an endpoint change (null: the check's own).
         */
        public Boolean invertedApplied;
        public Boolean disabledApplied;
    }

    public static final class Change {
        public String id;
        public String comment;
        public Instant submittedAt;
        public Timeline timeline;
    }
}
