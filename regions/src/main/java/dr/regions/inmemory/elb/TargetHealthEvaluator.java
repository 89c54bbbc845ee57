package dr.regions.inmemory.elb;

import dr.core.model.Cidr;
import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The health an ALB reports for one registered target, derived from the world at the modeled time:
 * <ul>
 * <li>{@code draining} after deregistration, for the target group's deregistration delay;</li>
 * <li>{@code unused} while no listener or rule forwards to the group, or the instance is not running;</li>
 * <li>{@code initial} until the load balancer is active, the instance is InService and the health checks have
 *     passed for {@link ModeledDurations#TARGET_HEALTHY};</li>
 * <li>then {@code healthy} if the instance's security groups admit the load balancer's health checks on the
 *     health-check port, {@code unhealthy} (Target.Timeout) otherwise.</li>
 * </ul>
 * The flip between healthy and unhealthy is immediate; the threshold delay is not modeled.
 */
final class TargetHealthEvaluator {
    private final World world;
    private final ElbState state;
    private final ActionParser actions;
    private final InstanceLookup instances;
    private final Ec2Lookup ec2;

    TargetHealthEvaluator(World world, String region, ElbState state) {
        this.world = world;
        this.state = state;
        this.actions = new ActionParser(state);
        this.instances = new InstanceLookup(world, region);
        this.ec2 = new Ec2Lookup(world, region);
    }

    TargetHealthDescription notRegistered(String id, Integer port) {
        return describe(id, port, "unused", "Target.NotRegistered", "Target is not registered to the target group");
    }

    TargetHealthDescription evaluate(ElbState.TargetGroup tg, ElbState.Target target) {
        Instant now = world.time();
        if (target.drainingUntil != null) {
            return describe(target, "draining", "Target.DeregistrationInProgress",
                    "Target deregistration is in progress");
        }
        if (!tg.healthCheck.enabled) {
            return describe(target, "unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");
        }
        Set<String> loadBalancers = actions.loadBalancersForwardingTo(tg.arn);
        if (loadBalancers.isEmpty()) {
            return describe(target, "unused", "Target.NotInUse",
                    "Target group is not configured to receive traffic from the load balancer");
        }
        Instant checksStart = target.registeredAt;
        Instant activeAt = firstActive(loadBalancers);
        if (activeAt == null || activeAt.isAfter(now)) {
            return describe(target, "initial", "Elb.RegistrationInProgress", "Target registration is in progress");
        }
        checksStart = later(checksStart, activeAt);
        Set<String> instanceGroups = Set.of();
        if (tg.targetType.equals("instance")) {
            Optional<InstanceLookup.InstanceView> instance = instances.instance(target.id);
            if (instance.isEmpty() || !instance.get().isRunning()) {
                String ec2State = instance.map(InstanceLookup.InstanceView::ec2State).orElse("terminated");
                return describe(target, "unused", "Target.InvalidState", "Target is in the " + ec2State + " state");
            }
            if (instance.get().readyAt() == null || instance.get().readyAt().isAfter(now)) {
                return describe(target, "initial", "Elb.RegistrationInProgress",
                        "Target registration is in progress");
            }
            checksStart = later(checksStart, instance.get().readyAt());
            instanceGroups = instance.get().securityGroups();
        }
        if (checksStart.plus(ModeledDurations.TARGET_HEALTHY).isAfter(now)) {
            return describe(target, "initial", "Elb.InitialHealthChecking", "Initial health checks in progress");
        }
        if (tg.targetType.equals("instance") && !admitsHealthChecks(instanceGroups, loadBalancers,
                healthCheckPort(tg, target))) {
            return describe(target, "unhealthy", "Target.Timeout", "Request timed out");
        }
        return describe(target, "healthy", null, null);
    }

    private Instant firstActive(Set<String> loadBalancerArns) {
        Instant first = null;
        for (String arn : loadBalancerArns) {
            ElbState.LoadBalancer lb = state.loadBalancers.get(arn);
            Instant active = lb == null ? null : lb.lifecycle.enteredAt(LoadBalancerOperations.ACTIVE);
            if (active != null && (first == null || active.isBefore(first))) {
                first = active;
            }
        }
        return first;
    }

    private static int healthCheckPort(ElbState.TargetGroup tg, ElbState.Target target) {
        return tg.healthCheck.port.equals("traffic-port") ? target.port : Integer.parseInt(tg.healthCheck.port);
    }

    /**
     * True when an ingress rule of one of the instance's groups allows TCP on {@code port} from one of the load
     * balancers' security groups, or from a CIDR that covers one of their subnets.
     */
    private boolean admitsHealthChecks(Set<String> instanceGroups, Set<String> loadBalancerArns, int port) {
        Set<String> lbGroups = new HashSet<>();
        List<Cidr> lbSubnets = new ArrayList<>();
        for (String arn : loadBalancerArns) {
            ElbState.LoadBalancer lb = state.loadBalancers.get(arn);
            if (lb == null) {
                continue;
            }
            lbGroups.addAll(lb.securityGroups);
            for (String subnetId : lb.subnetZones.keySet()) {
                ec2.subnet(subnetId).map(Subnet::cidrBlock).map(Cidr::parse).ifPresent(lbSubnets::add);
            }
        }
        for (SecurityGroup group : ec2.securityGroups(List.copyOf(instanceGroups))) {
            for (IpPermission permission : group.ipPermissions()) {
                if (coversPort(permission, port) && (fromGroups(permission, lbGroups)
                        || fromCidrs(permission, lbSubnets))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean coversPort(IpPermission permission, int port) {
        String protocol = permission.ipProtocol();
        if ("-1".equals(protocol) || "all".equals(protocol)) {
            return true;
        }
        if (!"tcp".equals(protocol) && !"6".equals(protocol)) {
            return false;
        }
        return permission.fromPort() != null && permission.toPort() != null
                && permission.fromPort() <= port && port <= permission.toPort();
    }

    private static boolean fromGroups(IpPermission permission, Set<String> lbGroups) {
        for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
            if (lbGroups.contains(pair.groupId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean fromCidrs(IpPermission permission, List<Cidr> lbSubnets) {
        for (IpRange range : permission.ipRanges()) {
            Cidr allowed = Cidr.parse(range.cidrIp());
            if (lbSubnets.stream().anyMatch(allowed::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static TargetHealthDescription describe(ElbState.Target target, String state, String reason,
                                                    String description) {
        return describe(target.id, target.port, state, reason, description);
    }

    private static TargetHealthDescription describe(String id, Integer port, String state, String reason,
                                                    String description) {
        return TargetHealthDescription.builder()
                .target(TargetDescription.builder().id(id).port(port).build())
                .healthCheckPort(port == null ? null : Integer.toString(port))
                .targetHealth(TargetHealth.builder().state(state).reason(reason).description(description).build())
                .build();
    }
}
