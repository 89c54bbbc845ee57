package dr.regions.drill;

import dr.core.report.drill.DrillObservation.Health;
import dr.regions.aws.AwsClients;
import dr.regions.compute.ComputeRoles;
import dr.regions.compute.AutoScalingGroups;
import dr.regions.database.DatabaseRoles;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.topology.Tier;
import dr.regions.step.Deleting;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Is the stack fit for a drill? Breaking the primary of a stack whose DR side cannot take over is an outage, not a
 * drill. Every check names what is wrong: the stack complete in both regions (network, load balancers active, the
 * primary load balancers' security groups, the health check, the distribution deployed), the primary database and
 * its cross-region replica available, the health check healthy, the DR Auto Scaling groups with their instances in
 * service, and, for the ingress fault, the primary load balancers actually open to the web (a drill that was never
 * restored leaves them closed).
 */
public final class DrillPreflight {
    static final String AVAILABLE = "available";
    static final String ACTIVE = "active";
    static final String IN_SERVICE = "InService";

    private final AwsClients clients;

    public DrillPreflight(AwsClients clients) {
        this.clients = clients;
    }

    /** Every problem found, one sentence each; empty when the drill may go ahead. */
    public List<String> problems(DrillDiscovery.Discovered discovered, String fault) {
        Inventory inventory = discovered.inventory();
        DrillTopology topology = discovered.topology();
        List<String> problems = new ArrayList<>();
        inventory.unreachable().forEach((region, error) -> problems.add("cannot read " + region + ": " + error));
        inventory.notVerified().forEach(entry -> problems.add(entry.describe()));
        for (String region : List.of(topology.primaryRegion(), topology.drRegion())) {
            if (inventory.ofKind(ResourceKind.VPC, region).isEmpty()) {
                problems.add("no VPC of the stack in " + region);
            }
            for (Tier tier : Tier.values()) {
                Optional<StackResource> alb = DrillDiscovery.loadBalancerResource(inventory, region, tier);
                if (alb.isEmpty()) {
                    problems.add("no " + tier.role() + " load balancer in " + region);
                } else if (!ACTIVE.equals(alb.get().state())) {
                    problems.add("the " + tier.role() + " load balancer in " + region + " is " + alb.get().state()
                            + ", not active");
                }
            }
        }
        database(inventory, topology, problems);
        edge(topology, problems);
        drCompute(inventory, topology.drRegion(), problems);
        if (IngressFault.KIND.equals(fault)) {
            ingress(topology, problems);
        }
        return problems;
    }

    private void database(Inventory inventory, DrillTopology topology, List<String> problems) {
        Optional<StackResource> primary = role(inventory, ResourceKind.DB_INSTANCE, topology.primaryRegion(),
                DatabaseRoles.PRIMARY);
        if (primary.isEmpty()) {
            problems.add("no primary database in " + topology.primaryRegion());
        } else if (!AVAILABLE.equals(primary.get().state())) {
            problems.add("the primary database " + primary.get().id() + " is " + primary.get().state()
                    + ", not available");
        }
        Optional<StackResource> replica = role(inventory, ResourceKind.DB_INSTANCE, topology.drRegion(),
                DatabaseRoles.REPLICA);
        if (replica.isEmpty()) {
            problems.add("no read replica in " + topology.drRegion() + ": the DR region has no database to fail over to");
        } else if (!AVAILABLE.equals(replica.get().state())) {
            problems.add("the read replica " + replica.get().id() + " in " + topology.drRegion() + " is "
                    + replica.get().state() + ", not available");
        } else if (replica.get().attribute(Attributes.REPLICA_OF) == null) {
            problems.add("the DR database " + replica.get().id() + " is not a read replica any more (promoted?)");
        }
    }

    private void edge(DrillTopology topology, List<String> problems) {
        if (topology.healthCheckId() == null) {
            problems.add("no Route 53 health check on the primary app load balancer");
        } else {
            HealthCheckProbe.Status status = new HealthCheckProbe(clients.route53()).status(topology.healthCheckId());
            if (status.health() != Health.HEALTHY) {
                problems.add("the health check " + topology.healthCheckId() + " is " + status.health().label()
                        + (status.report() == null ? "" : " (" + status.report() + ")"));
            }
        }
        if (topology.distributionId() == null) {
            problems.add("no CloudFront distribution: the web tier cannot fail over");
        } else {
            String status = clients.cloudFront().getDistribution(r -> r.id(topology.distributionId()))
                    .distribution().status();
            if (!"Deployed".equals(status)) {
                problems.add("the CloudFront distribution " + topology.distributionId() + " is " + status
                        + ", not Deployed");
            }
        }
    }

    private void drCompute(Inventory inventory, String drRegion, List<String> problems) {
        for (Tier tier : Tier.values()) {
            Optional<StackResource> found = role(inventory, ResourceKind.AUTO_SCALING_GROUP, drRegion,
                    ComputeRoles.autoScalingGroup(tier));
            if (found.isEmpty()) {
                problems.add("no " + tier.role() + " Auto Scaling group in " + drRegion);
                continue;
            }
            String name = found.get().id();
            Optional<AutoScalingGroup> group = AutoScalingGroups.named(clients.autoScaling(drRegion), name,
                    Deleting.PRESENT);
            if (group.isEmpty()) {
                problems.add("the " + tier.role() + " Auto Scaling group " + name + " in " + drRegion + " is gone");
                continue;
            }
            long inService = group.get().instances().stream().map(Instance::lifecycleStateAsString)
                    .filter(IN_SERVICE::equals).count();
            int wanted = Math.max(1, group.get().desiredCapacity() == null ? 1 : group.get().desiredCapacity());
            if (inService < wanted) {
                problems.add("the " + tier.role() + " Auto Scaling group " + name + " in " + drRegion + " has "
                        + inService + " of " + wanted + " instances in service");
            }
        }
    }

    private void ingress(DrillTopology topology, List<String> problems) {
        List<String> ids = new ArrayList<>();
        for (String id : new String[] {topology.albWebGroupId(), topology.albAppGroupId()}) {
            if (id == null) {
                problems.add("a security group of the primary load balancers (sg-alb-web, sg-alb-app) is missing in "
                        + topology.primaryRegion());
            } else {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        for (SecurityGroup group : clients.ec2(topology.primaryRegion()).describeSecurityGroups(r -> r.groupIds(ids))
                .securityGroups()) {
            if (group.ipPermissions().stream().noneMatch(IngressRules::admitsWeb)) {
                problems.add("the security group " + group.groupId() + " admits no HTTP/HTTPS: an earlier drill may"
                        + " not have been restored (dr failover restore)");
            }
        }
    }

    private static Optional<StackResource> role(Inventory inventory, ResourceKind kind, String region, String role) {
        return inventory.ofKind(kind, region).stream().filter(r -> role.equals(r.role())).findFirst();
    }
}
