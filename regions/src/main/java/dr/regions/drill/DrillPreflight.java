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

import dr.regions.aws.AwsServiceErrors;
import dr.regions.discovery.NotVerified;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Is the stack fit for a drill? Breaking the primary of a stack whose DR side cannot take over is an outage, not a
 * drill. Every check names what is wrong: the stack complete in both regions (network, load balancers active, the
 * primary load balancers' security groups, the health check, the distribution deployed), the primary database and
 * its cross-region replica available, the health check healthy, the DR Auto Scaling groups with their instances in
 * service, and, for the ingress fault, the primary load balancers actually open to the web (a drill that was never
 * restored leaves them closed); for the network fault, their subnets not on the drill's deny-all network ACL.
 */
public final class DrillPreflight {
    static final String AVAILABLE = "available";
    static final String ACTIVE = "active";
    static final String IN_SERVICE = "InService";

    private final AwsClients clients;

    public DrillPreflight(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * The kinds of resource a drill works with: it judges, breaks, observes or restores them. A kind outside these
     * that could not be read (a Backup vault, a launch template, a certificate) is a {@linkplain #notes note}.
     */
    static final Set<ResourceKind> NEEDED = EnumSet.of(ResourceKind.VPC, ResourceKind.SUBNET,
            ResourceKind.SECURITY_GROUP, ResourceKind.LOAD_BALANCER, ResourceKind.DB_INSTANCE,
            ResourceKind.AUTO_SCALING_GROUP, ResourceKind.HEALTH_CHECK, ResourceKind.HOSTED_ZONE,
            ResourceKind.RECORD_SET, ResourceKind.DISTRIBUTION);

    /**
     * Every problem found, one sentence each; empty when the drill may go ahead. A region in trouble (no answer, or
     * AWS errors such as a 5xx or an SCP's AccessDenied) is a problem where the drill needs what could not be read:
     * either stack region, or the global services.
     */
    public List<String> problems(DrillDiscovery.Discovered discovered, String fault) {
        Inventory inventory = discovered.inventory();
        DrillTopology topology = discovered.topology();
        List<String> problems = new ArrayList<>();
        Set<String> needed = Set.of(topology.primaryRegion(), topology.drRegion(), StackResource.GLOBAL);
        inventory.unreachable().forEach((region, error) -> {
            if (needed.contains(region)) {
                problems.add("cannot read " + region + ": " + error);
            }
        });
        inventory.notVerified().stream().filter(DrillPreflight::needed)
                .forEach(entry -> problems.add(entry.describe()));
        discovered.unread().forEach(what -> problems.add("cannot read " + what));
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
        read(problems, "the health check and the distribution", () -> edge(topology, problems));
        read(problems, "the Auto Scaling groups in " + topology.drRegion(),
                () -> drCompute(inventory, topology.drRegion(), problems));
        if (IngressFault.KIND.equals(fault)) {
            read(problems, "the primary load balancers' security groups in " + topology.primaryRegion(),
                    () -> ingress(topology, problems));
        }
        if (NetworkFault.KIND.equals(fault)) {
            read(problems, "the network ACLs of the primary load balancers' subnets in " + topology.primaryRegion(),
                    () -> network(topology, problems));
        }
        return problems;
    }

    /**
     * The web tier's probe ({@link ServedAnswer#PATH} through CloudFront) before the fault: it must be served by the
     * primary's instances from the primary's database, or the drill could never see DR serve it. Instances launched
     * before dr served this path, or a database without the user {@code app}, answer otherwise. Empty when the stack
     * has no distribution or the probe is served.
     */
    public Optional<String> webProbe(EdgeProbe edge, DrillTopology topology) {
        if (!topology.hasDistribution()) {
            return Optional.empty();
        }
        EdgeProbe.Answer answer = edge.get(topology.distributionDomain(), ServedAnswer.PATH);
        Optional<ServedAnswer> served = ServedAnswer.parse(answer.body());
        if (answer.status() == 200 && served.filter(ServedAnswer::servedFromDatabase)
                .filter(s -> topology.primaryRegion().equals(s.region())).isPresent()) {
            return Optional.empty();
        }
        String seen = answer.error() != null ? answer.error() : "HTTP " + answer.status()
                + served.map(s -> ": " + s.describe()).orElse("");
        return Optional.of("the web tier's probe https://" + topology.distributionDomain() + ServedAnswer.PATH
                + " is not served by " + topology.primaryRegion() + "'s instances from its database (" + seen
                + "): the drill could not see DR serve it. Instances launched before dr served this path need"
                + " replacing (an instance refresh of the Auto Scaling groups), and the database user app must exist"
                + " (README, \"Connecting the app with IAM database authentication\")");
    }

    /**
     * What could not be read but the drill does not need, one sentence each: it goes ahead, and the report says what
     * was not checked.
     */
    public List<String> notes(DrillDiscovery.Discovered discovered) {
        DrillTopology topology = discovered.topology();
        Set<String> needed = Set.of(topology.primaryRegion(), topology.drRegion(), StackResource.GLOBAL);
        List<String> notes = new ArrayList<>();
        discovered.inventory().unreachable().forEach((region, error) -> {
            if (!needed.contains(region)) {
                notes.add("cannot read " + region + " (not needed by the drill): " + error);
            }
        });
        discovered.inventory().notVerified().stream().filter(entry -> !needed(entry))
                .forEach(entry -> notes.add(entry.describe()));
        return notes;
    }

    private static boolean needed(NotVerified entry) {
        return entry.kinds().stream().anyMatch(NEEDED::contains);
    }

    /** A read during preflight itself; an AWS error becomes the problem {@code cannot read <what>: <AWS line>}. */
    private static void read(List<String> problems, String what, Runnable reads) {
        try {
            reads.run();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw e;
            }
            problems.add("cannot read " + what + ": " + AwsServiceErrors.describe(e));
        }
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

    private void network(DrillTopology topology, List<String> problems) {
        NetworkFault network = new NetworkFault(clients);
        List<String> subnets = network.subnetsOf(topology.primaryRegion(),
                java.util.Arrays.asList(topology.primaryWebAlb(), topology.primaryAppAlb()));
        if (subnets.isEmpty()) {
            problems.add("the primary load balancers' subnets were not found in " + topology.primaryRegion());
            return;
        }
        network.onDenyAcl(topology.primaryRegion(), topology.stack(), subnets).forEach(subnet -> problems.add(
                "the subnet " + subnet + " is on the drill's deny-all network ACL: an earlier drill may not have"
                        + " been restored (dr failover restore)"));
    }

    private static Optional<StackResource> role(Inventory inventory, ResourceKind kind, String region, String role) {
        return inventory.ofKind(kind, region).stream().filter(r -> role.equals(r.role())).findFirst();
    }
}
