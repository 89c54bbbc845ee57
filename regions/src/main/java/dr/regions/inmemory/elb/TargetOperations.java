package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** RegisterTargets, DeregisterTargets and DescribeTargetHealth. */
final class TargetOperations {
    private final World world;
    private final String region;
    private final ElbState state;
    private final TargetGroupOperations targetGroups;

    TargetOperations(World world, String region, ElbState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.targetGroups = new TargetGroupOperations(world, region, state);
    }

    /** Instance targets must be running instances; registering a registered target again changes nothing. */
    RegisterTargetsResponse register(RegisterTargetsRequest request) {
        ElbState.TargetGroup tg = targetGroups.existing(request.targetGroupArn());
        List<TargetDescription> targets = requireTargets(request.targets());
        dropDrained(tg);
        List<String> notRunning = new ArrayList<>();
        if (tg.targetType.equals("instance")) {
            InstanceLookup instances = new InstanceLookup(world, region);
            for (TargetDescription target : targets) {
                boolean running = instances.instance(target.id()).map(InstanceLookup.InstanceView::isRunning)
                        .orElse(false);
                if (!running) {
                    notRunning.add("'" + target.id() + "'");
                }
            }
        }
        if (!notRunning.isEmpty()) {
            throw ElbErrors.invalidTarget("The following targets are not in a running state and cannot be "
                    + "registered: " + String.join(", ", notRunning));
        }
        for (TargetDescription description : targets) {
            int port = portOf(tg, description);
            ElbState.Target target = tg.targets.get(key(description.id(), port));
            if (target == null) {
                target = new ElbState.Target();
                target.id = description.id();
                target.port = port;
                tg.targets.put(key(target.id, port), target);
            } else if (target.drainingUntil == null) {
                continue;
            }
            target.registeredAt = world.time();
            target.drainingUntil = null;
        }
        return RegisterTargetsResponse.builder().build();
    }

    /** The target drains for the group's deregistration delay, then disappears. */
    DeregisterTargetsResponse deregister(DeregisterTargetsRequest request) {
        ElbState.TargetGroup tg = targetGroups.existing(request.targetGroupArn());
        List<TargetDescription> targets = requireTargets(request.targets());
        dropDrained(tg);
        long delay = Long.parseLong(tg.attributes.getOrDefault(TargetGroupOperations.DEREGISTRATION_DELAY, "300"));
        for (TargetDescription description : targets) {
            String key = key(description.id(), portOf(tg, description));
            ElbState.Target target = tg.targets.get(key);
            if (target == null || target.drainingUntil != null) {
                continue;
            }
            if (delay == 0) {
                tg.targets.remove(key);
            } else {
                target.drainingUntil = world.time().plusSeconds(delay);
            }
        }
        return DeregisterTargetsResponse.builder().build();
    }

    DescribeTargetHealthResponse describeHealth(DescribeTargetHealthRequest request) {
        ElbState.TargetGroup tg = targetGroups.existing(request.targetGroupArn());
        dropDrained(tg);
        TargetHealthEvaluator evaluator = new TargetHealthEvaluator(world, region, state);
        List<TargetHealthDescription> health = new ArrayList<>();
        if (request.hasTargets() && !request.targets().isEmpty()) {
            for (TargetDescription description : request.targets()) {
                if (description.id() == null) {
                    throw ElbErrors.missing("targets.member.id");
                }
                List<ElbState.Target> matching = tg.targets.values().stream()
                        .filter(t -> t.id.equals(description.id())
                                && (description.port() == null || t.port == description.port()))
                        .toList();
                if (matching.isEmpty()) {
                    health.add(evaluator.notRegistered(description.id(), description.port()));
                }
                matching.forEach(t -> health.add(evaluator.evaluate(tg, t)));
            }
        } else {
            tg.targets.values().forEach(t -> health.add(evaluator.evaluate(tg, t)));
        }
        return DescribeTargetHealthResponse.builder().targetHealthDescriptions(health).build();
    }

    private void dropDrained(ElbState.TargetGroup tg) {
        Instant now = world.time();
        tg.targets.values().removeIf(t -> t.drainingUntil != null && !t.drainingUntil.isAfter(now));
    }

    private static List<TargetDescription> requireTargets(List<TargetDescription> targets) {
        if (targets == null || targets.isEmpty()) {
            throw ElbErrors.missing("targets");
        }
        for (TargetDescription target : targets) {
            if (target.id() == null) {
                throw ElbErrors.missing("targets.member.id");
            }
        }
        return targets;
    }

    private static int portOf(ElbState.TargetGroup tg, TargetDescription target) {
        if (target.port() == null) {
            return tg.port;
        }
        TargetGroupOperations.checkPort(target.port(), "targets.member.port");
        return target.port();
    }

    private static String key(String id, int port) {
        return id + ":" + port;
    }
}
