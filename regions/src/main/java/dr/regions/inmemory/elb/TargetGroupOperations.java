package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Target group CRUD and attributes. Targets and their health are {@link TargetOperations}' job. */
final class TargetGroupOperations {
    static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9-]{1,32}$");
    private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS");
    private static final Pattern MATCHER = Pattern.compile("^\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*$");
    /** DescribeTargetGroupAttributes of a new instance target group (API reference, TargetGroupAttribute). */
    private static final Map<String, String> DEFAULT_ATTRIBUTES = Map.of(
            DEREGISTRATION_DELAY, "300",
            "stickiness.enabled", "false",
            "stickiness.type", "lb_cookie",
            "stickiness.lb_cookie.duration_seconds", "86400",
            "slow_start.duration_seconds", "0",
            "load_balancing.algorithm.type", "round_robin",
            "load_balancing.cross_zone.enabled", "use_load_balancer_configuration");

    private final World world;
    private final String region;
    private final ElbState state;
    private final ActionParser actions;

    TargetGroupOperations(World world, String region, ElbState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.actions = new ActionParser(state);
    }

    CreateTargetGroupResponse create(CreateTargetGroupRequest request) {
        String name = request.name();
        validateName(name);
        String targetType = request.targetTypeAsString() == null ? "instance" : request.targetTypeAsString();
        if (!targetType.equals("instance") && !targetType.equals("ip")) {
            throw new UnsupportedOperationException("target type " + targetType + " is not modeled");
        }
        String protocol = request.protocolAsString();
        if (protocol == null) {
            throw ElbErrors.validation("A protocol must be specified");
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw new UnsupportedOperationException("target group protocol " + protocol + " is not modeled");
        }
        if (request.port() == null) {
            throw ElbErrors.validation("A port must be specified");
        }
        checkPort(request.port(), "port");
        if (request.vpcId() == null) {
            throw ElbErrors.validation("A VPC ID must be specified");
        }
        ElbState.HealthCheck healthCheck = new ElbState.HealthCheck();
        healthCheck.protocol = protocol;
        applyHealthCheck(healthCheck, request.healthCheckEnabled(), request.healthCheckProtocolAsString(),
                request.healthCheckPort(), request.healthCheckPath(), request.healthCheckIntervalSeconds(),
                request.healthCheckTimeoutSeconds(), request.healthyThresholdCount(),
                request.unhealthyThresholdCount(), request.matcher() == null ? null : request.matcher().httpCode());
        Map<String, String> tags = ElbTags.of(request.tags());

        ElbState.TargetGroup existing = byName(name);
        if (existing != null) {
            if (existing.protocol.equals(protocol) && existing.port == request.port()
                    && existing.vpcId.equals(request.vpcId()) && existing.targetType.equals(targetType)
                    && sameHealthCheck(existing.healthCheck, healthCheck)) {
                return CreateTargetGroupResponse.builder().targetGroups(describe(existing)).build();
            }
            throw ElbErrors.duplicateTargetGroupName(name);
        }
        if (!new Ec2Lookup(world, region).vpcExists(request.vpcId())) {
            throw ElbErrors.validation("The VPC ID '" + request.vpcId() + "' is not found");
        }

        ElbState.TargetGroup tg = new ElbState.TargetGroup();
        tg.arn = world.arn("elasticloadbalancing", region, "targetgroup/" + name + "/" + world.ids.hex(16));
        tg.name = name;
        tg.protocol = protocol;
        tg.protocolVersion = request.protocolVersion() == null ? "HTTP1" : request.protocolVersion();
        tg.port = request.port();
        tg.vpcId = request.vpcId();
        tg.targetType = targetType;
        tg.healthCheck = healthCheck;
        tg.tags = tags;
        tg.attributes = new TreeMap<>(DEFAULT_ATTRIBUTES);
        state.targetGroups.put(tg.arn, tg);
        world.faults().created(tg.arn);
        return CreateTargetGroupResponse.builder().targetGroups(describe(tg)).build();
    }

    DescribeTargetGroupsResponse describe(DescribeTargetGroupsRequest request) {
        boolean byNames = request.hasNames() && !request.names().isEmpty();
        boolean byArns = request.hasTargetGroupArns() && !request.targetGroupArns().isEmpty();
        List<ElbState.TargetGroup> found = new ArrayList<>();
        if (byNames || byArns) {
            List<String> wanted = byNames ? request.names() : request.targetGroupArns();
            for (String key : wanted) {
                ElbState.TargetGroup tg = byNames ? byName(key) : state.targetGroups.get(key);
                if (tg == null || !world.faults().visible(tg.arn)) {
                    throw ElbErrors.targetGroupNotFound("One or more target groups not found");
                }
                found.add(tg);
            }
        } else if (request.loadBalancerArn() != null) {
            if (!state.loadBalancers.containsKey(request.loadBalancerArn())) {
                throw ElbErrors.loadBalancerNotFound("One or more load balancers not found");
            }
            for (ElbState.TargetGroup tg : state.targetGroups.values()) {
                if (actions.loadBalancersForwardingTo(tg.arn).contains(request.loadBalancerArn())) {
                    found.add(tg);
                }
            }
        } else {
            found.addAll(state.targetGroups.values());
        }
        MarkerPage<ElbState.TargetGroup> page = MarkerPage.of(found, request.marker(), request.pageSize());
        return DescribeTargetGroupsResponse.builder()
                .targetGroups(page.items().stream().map(this::describe).toList())
                .nextMarker(page.nextMarker())
                .build();
    }

    ModifyTargetGroupResponse modify(ModifyTargetGroupRequest request) {
        ElbState.TargetGroup tg = existing(request.targetGroupArn());
        ElbState.HealthCheck updated = copy(tg.healthCheck);
        applyHealthCheck(updated, request.healthCheckEnabled(), request.healthCheckProtocolAsString(),
                request.healthCheckPort(), request.healthCheckPath(), request.healthCheckIntervalSeconds(),
                request.healthCheckTimeoutSeconds(), request.healthyThresholdCount(),
                request.unhealthyThresholdCount(), request.matcher() == null ? null : request.matcher().httpCode());
        tg.healthCheck = updated;
        return ModifyTargetGroupResponse.builder().targetGroups(describe(tg)).build();
    }

    /** AWS: "You can delete a target group if it is not referenced by any actions"; a missing one is no error. */
    DeleteTargetGroupResponse delete(DeleteTargetGroupRequest request) {
        if (request.targetGroupArn() == null) {
            throw ElbErrors.missing("targetGroupArn");
        }
        ElbState.TargetGroup tg = state.targetGroups.get(request.targetGroupArn());
        if (tg == null) {
            return DeleteTargetGroupResponse.builder().build();
        }
        if (isReferenced(tg.arn)) {
            throw ElbErrors.resourceInUse("Target group '" + tg.arn + "' is currently in use by a listener or a rule");
        }
        state.targetGroups.remove(tg.arn);
        world.dependencies.release(tg.arn);
        return DeleteTargetGroupResponse.builder().build();
    }

    DescribeTargetGroupAttributesResponse describeAttributes(DescribeTargetGroupAttributesRequest request) {
        ElbState.TargetGroup tg = existing(request.targetGroupArn());
        return DescribeTargetGroupAttributesResponse.builder().attributes(attributes(tg.attributes)).build();
    }

    ModifyTargetGroupAttributesResponse modifyAttributes(ModifyTargetGroupAttributesRequest request) {
        ElbState.TargetGroup tg = existing(request.targetGroupArn());
        if (!request.hasAttributes() || request.attributes().isEmpty()) {
            throw ElbErrors.missing("attributes");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (TargetGroupAttribute attribute : request.attributes()) {
            String key = attribute.key();
            if (key == null || !DEFAULT_ATTRIBUTES.containsKey(key)) {
                throw ElbErrors.validation("Target group attribute key '" + key + "' is not recognized");
            }
            String value = attribute.value() == null ? "" : attribute.value();
            if (key.equals(DEREGISTRATION_DELAY)) {
                checkRange(parseInt(value, key), 0, 3600, key);
            }
            changed.put(key, value);
        }
        tg.attributes.putAll(changed);
        return ModifyTargetGroupAttributesResponse.builder().attributes(attributes(tg.attributes)).build();
    }

    ElbState.TargetGroup existing(String arn) {
        if (arn == null) {
            throw ElbErrors.missing("targetGroupArn");
        }
        ElbState.TargetGroup tg = state.targetGroups.get(arn);
        if (tg == null) {
            throw ElbErrors.targetGroupNotFound("One or more target groups not found");
        }
        return tg;
    }

    /** True while a listener's default actions or a rule's actions forward to it. */
    boolean isReferenced(String targetGroupArn) {
        return state.listeners.values().stream().anyMatch(l -> ActionParser.forwardsTo(l.defaultActions, targetGroupArn))
                || state.rules.values().stream().anyMatch(r -> ActionParser.forwardsTo(r.actions, targetGroupArn));
    }

    private TargetGroup describe(ElbState.TargetGroup tg) {
        return ElbModel.targetGroup(tg, List.copyOf(actions.loadBalancersForwardingTo(tg.arn)));
    }

    private ElbState.TargetGroup byName(String name) {
        return state.targetGroups.values().stream().filter(tg -> tg.name.equals(name)).findFirst().orElse(null);
    }

    private static List<TargetGroupAttribute> attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> TargetGroupAttribute.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    private static void validateName(String name) {
        if (name == null) {
            throw ElbErrors.missing("name");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Target group name '" + name
                    + "' can only contain characters that are alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot begin or end with a hyphen");
        }
    }

    /** Applies the health-check members a request sets, with the ranges the API reference gives. */
    private static void applyHealthCheck(ElbState.HealthCheck hc, Boolean enabled, String protocol, String port,
                                         String path, Integer interval, Integer timeout, Integer healthy,
                                         Integer unhealthy, String matcher) {
        if (enabled != null) {
            hc.enabled = enabled;
        }
        if (protocol != null) {
            if (!PROTOCOLS.contains(protocol)) {
                throw ElbErrors.validation("Health check protocol '" + protocol + "' is not supported");
            }
            hc.protocol = protocol;
        }
        if (port != null) {
            if (!port.equals("traffic-port")) {
                checkPort(parseInt(port, "healthCheckPort"), "healthCheckPort");
            }
            hc.port = port;
        }
        if (path != null) {
            if (!path.startsWith("/") || path.length() > 1024) {
                throw ElbErrors.validation("Health check path '" + path + "' is not valid: it must begin with '/'");
            }
            hc.path = path;
        }
        if (interval != null) {
            hc.intervalSeconds = checkRange(interval, 5, 300, "healthCheckIntervalSeconds");
        }
        if (timeout != null) {
            hc.timeoutSeconds = checkRange(timeout, 2, 120, "healthCheckTimeoutSeconds");
        }
        if (healthy != null) {
            hc.healthyThreshold = checkRange(healthy, 2, 10, "healthyThresholdCount");
        }
        if (unhealthy != null) {
            hc.unhealthyThreshold = checkRange(unhealthy, 2, 10, "unhealthyThresholdCount");
        }
        if (matcher != null) {
            if (!MATCHER.matcher(matcher).matches()) {
                throw ElbErrors.validation("Health check matcher HTTP code '" + matcher + "' must be a value "
                        + "between 200 and 499, a comma-separated list or a range");
            }
            hc.matcher = matcher;
        }
        if (hc.timeoutSeconds >= hc.intervalSeconds) {
            throw ElbErrors.validation("Health check timeout '" + hc.timeoutSeconds
                    + "' must be smaller than the interval '" + hc.intervalSeconds + "'");
        }
    }

    private static boolean sameHealthCheck(ElbState.HealthCheck a, ElbState.HealthCheck b) {
        return a.enabled == b.enabled && a.protocol.equals(b.protocol) && a.port.equals(b.port)
                && a.path.equals(b.path) && a.intervalSeconds == b.intervalSeconds
                && a.timeoutSeconds == b.timeoutSeconds && a.healthyThreshold == b.healthyThreshold
                && a.unhealthyThreshold == b.unhealthyThreshold && a.matcher.equals(b.matcher);
    }

    private static ElbState.HealthCheck copy(ElbState.HealthCheck hc) {
        ElbState.HealthCheck copy = new ElbState.HealthCheck();
        copy.enabled = hc.enabled;
        copy.protocol = hc.protocol;
        copy.port = hc.port;
        copy.path = hc.path;
        copy.intervalSeconds = hc.intervalSeconds;
        copy.timeoutSeconds = hc.timeoutSeconds;
        copy.healthyThreshold = hc.healthyThreshold;
        copy.unhealthyThreshold = hc.unhealthyThreshold;
        copy.matcher = hc.matcher;
        return copy;
    }

    static void checkPort(int port, String member) {
        checkRange(port, 1, 65535, member);
    }

    private static int checkRange(int value, int min, int max, String member) {
        if (value < min || value > max) {
            throw ElbErrors.validation(ValidationMessage.of(member, value,
                    "Member must have value between " + min + " and " + max));
        }
        return value;
    }

    private static int parseInt(String value, String member) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ElbErrors.validation("Value '" + value + "' at '" + member + "' is not a valid number");
        }
    }
}
