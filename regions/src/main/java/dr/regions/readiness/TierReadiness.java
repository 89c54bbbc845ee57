package dr.regions.readiness;

import dr.regions.compute.ComputeRoles;
import dr.regions.compute.AutoScalingGroups;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.step.Deleting;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tier (web or app) of one region: the load balancer active with its listeners, the target group with healthy
 * targets (DescribeTargetHealth), the launch template, and the Auto Scaling group's desired capacity against the
 * instances InService (DescribeAutoScalingGroups).
 */
final class TierReadiness {
    static final String IN_SERVICE = "InService";

    private final ReadinessScope scope;
    private final String region;
    private final Tier tier;
    private final Findings findings;

    TierReadiness(ReadinessScope scope, String region, Tier tier, Findings findings) {
        this.scope = scope;
        this.region = region;
        this.tier = tier;
        this.findings = findings;
    }

    void check() {
        loadBalancer();
        targetGroup();
        launchTemplate();
        autoScalingGroup();
    }

    private String tierName() {
        return tier.role();
    }

    private void loadBalancer() {
        String role = LoadBalancingRoles.loadBalancer(tier);
        Optional<StackResource> balancer = scope.find(ResourceKind.LOAD_BALANCER, region, role);
        if (balancer.isEmpty()) {
            findings.problem(tierName(), role, scope.absent(ResourceKind.LOAD_BALANCER, region));
            return;
        }
        List<String> listeners = scope.all(ResourceKind.LISTENER, region).stream()
                .filter(l -> balancer.get().id().equals(l.attribute(Attributes.LOAD_BALANCER)))
                .map(l -> l.attribute("protocol") + ":" + l.attribute(Attributes.PORT)).toList();
        String state = balancer.get().state();
        String detail = state + ", listeners " + (listeners.isEmpty() ? "none" : String.join(" ", listeners));
        findings.check("active".equals(state) && !listeners.isEmpty(), tierName(), role, detail);
    }

    private void targetGroup() {
        String role = LoadBalancingRoles.targetGroup(tier);
        Optional<StackResource> group = scope.find(ResourceKind.TARGET_GROUP, region, role);
        if (group.isEmpty()) {
            findings.problem(tierName(), role, scope.absent(ResourceKind.TARGET_GROUP, region));
            return;
        }
        List<TargetHealthDescription> targets = scope.clients().elb(region)
                .describeTargetHealth(r -> r.targetGroupArn(group.get().id())).targetHealthDescriptions();
        long healthy = targets.stream().filter(t -> t.targetHealth() != null
                && "healthy".equals(t.targetHealth().stateAsString())).count();
        String detail = healthy + "/" + targets.size() + " targets healthy";
        if (healthy == 0) {
            findings.problem(tierName(), role, detail);
        } else if (healthy < targets.size()) {
            findings.warn(tierName(), role, detail);
        } else {
            findings.ok(tierName(), role, detail);
        }
    }

    private void launchTemplate() {
        String role = ComputeRoles.launchTemplate(tier);
        Optional<StackResource> template = scope.find(ResourceKind.LAUNCH_TEMPLATE, region, role);
        if (template.isEmpty()) {
            findings.problem(tierName(), role, scope.absent(ResourceKind.LAUNCH_TEMPLATE, region,
                    ": the group cannot launch instances"));
        } else {
            findings.ok(tierName(), role, template.get().id() + " present");
        }
    }

    private void autoScalingGroup() {
        String role = ComputeRoles.autoScalingGroup(tier);
        Optional<StackResource> listed = scope.find(ResourceKind.AUTO_SCALING_GROUP, region, role);
        if (listed.isEmpty()) {
            findings.problem(tierName(), role, scope.absent(ResourceKind.AUTO_SCALING_GROUP, region));
            return;
        }
        Optional<AutoScalingGroup> group = AutoScalingGroups.named(scope.clients().autoScaling(region),
                listed.get().id(), Deleting.PRESENT);
        if (group.isEmpty()) {
            findings.problem(tierName(), role, "missing");
            return;
        }
        AutoScalingGroup asg = group.get();
        long inService = asg.instances().stream().map(Instance::lifecycleStateAsString).filter(IN_SERVICE::equals)
                .count();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("min", String.valueOf(asg.minSize()));
        facts.put("desired", String.valueOf(asg.desiredCapacity()));
        facts.put("max", String.valueOf(asg.maxSize()));
        facts.put("inService", String.valueOf(inService));
        String detail = "desired " + asg.desiredCapacity() + ", " + inService + " InService (min " + asg.minSize()
                + ", max " + asg.maxSize() + ")";
        if (asg.status() != null) {
            findings.problem(tierName(), role, "being deleted: " + asg.status(), facts);
        } else if (asg.desiredCapacity() == 0) {
            findings.problem(tierName(), role, detail + ": scaled to 0, nothing can serve", facts);
        } else if (inService < asg.desiredCapacity()) {
            findings.problem(tierName(), role, detail, facts);
        } else {
            findings.ok(tierName(), role, detail, facts);
        }
    }
}
