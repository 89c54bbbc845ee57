package dr.regions.inmemory.world;


import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * State of the in-memory Elastic Load Balancing v2 service in one region: application load balancers, target
 * groups with their registered targets, listeners and listener rules, each keyed by ARN in creation order.
 * Plain public fields: the sandbox file is this object written by Jackson.
 */
public final class ElbState {
    public Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    public Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    public Map<String, Listener> listeners = new LinkedHashMap<>();
    public Map<String, Rule> rules = new LinkedHashMap<>();

    public static final class LoadBalancer {
        public String arn;
        public String name;
        public String dnsName;
        public String canonicalHostedZoneId;
        public String scheme;
        public String type;
        public String ipAddressType;
        public String vpcId;
        public Instant createdAt;
        /** subnet id → its availability zone, in request order. */
        public Map<String, String> subnetZones = new LinkedHashMap<>();
        public List<String> securityGroups = new ArrayList<>();
        /** provisioning → active. */
        public Timeline lifecycle;
        public Map<String, String> tags = new LinkedHashMap<>();
        public Map<String, String> attributes = new TreeMap<>();
    }

    public static final class TargetGroup {
        public String arn;
        public String name;
        public String protocol;
        public String protocolVersion;
        public int port;
        public String vpcId;
        public String targetType;
        public HealthCheck healthCheck = new HealthCheck();
        /** "id:port" → target, in registration order. */
        public Map<String, Target> targets = new LinkedHashMap<>();
        public Map<String, String> tags = new LinkedHashMap<>();
        public Map<String, String> attributes = new TreeMap<>();
    }

    /** Health-check settings with the ALB defaults (HTTP target groups). */
    public static final class HealthCheck {
        public boolean enabled = true;
        public String protocol = "HTTP";
        public String port = "traffic-port";
        public String path = "/";
        public int intervalSeconds = 30;
        public int timeoutSeconds = 5;
        public int healthyThreshold = 5;
        public int unhealthyThreshold = 2;
        public String matcher = "200";
    }

    public static final class Target {
        public String id;
        public int port;
        public Instant registeredAt;
        /** Set on deregistration: the target drains until then and disappears afterwards. */
        public Instant drainingUntil;
    }

    public static final class Listener {
        public String arn;
        public String loadBalancerArn;
        public String protocol;
        public int port;
        public String sslPolicy;
        public List<String> certificateArns = new ArrayList<>();
        public List<Action> defaultActions = new ArrayList<>();
        /** The listener's default rule, which DescribeRules lists with priority "default". */
        public String defaultRuleArn;
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public static final class Rule {
        public String arn;
        public String listenerArn;
        public int priority;
        public List<Condition> conditions = new ArrayList<>();
        public List<Action> actions = new ArrayList<>();
        public Map<String, String> tags = new LinkedHashMap<>();
    }

    public record Condition(String field, List<String> values) {
    }

    public record WeightedTargetGroup(String targetGroupArn, Integer weight) {
    }

    public record FixedResponse(String statusCode, String contentType, String messageBody) {
    }

    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    public static final class Action {
        /** forward, fixed-response or redirect. */
        public String type;
        public Integer order;
        public List<WeightedTargetGroup> forwardTo = new ArrayList<>();
        public FixedResponse fixedResponse;
        public Redirect redirect;
    }
}
