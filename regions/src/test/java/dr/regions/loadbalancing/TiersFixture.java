package dr.regions.loadbalancing;

import dr.regions.topology.Tier;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.model.Capacity;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.compute.ComputeSteps;
import dr.regions.identity.IdentitySteps;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.route53.Reachability;
import dr.regions.network.Ec2Tags;
import dr.regions.network.NetworkSteps;
import dr.regions.provision.ProvisionFixture;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecuritySteps;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Both regions' network, security groups, load balancing and compute on the in-memory cloud of a sandbox account,
 * with stand-ins for the image steps (Amazon's base image) and, with a domain, the certificate steps.
 */
public final class TiersFixture {
    public static final String PRIMARY = ProvisionFixture.PRIMARY;
    public static final String DR = ProvisionFixture.DR;
    public static final List<String> REGIONS = List.of(PRIMARY, DR);

    private final InMemoryCloud cloud = new ProvisionFixture().cloud();

    public InMemoryCloud cloud() {
        return cloud;
    }

    public static StackSpec spec() {
        return ProvisionFixture.defaultSpec();
    }

    public static Plan plan(StackSpec spec, AwsClients clients) {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            RegionTarget target = new RegionTarget(spec, role, clients);
            steps.addAll(NetworkSteps.forRegion(target));
            steps.addAll(SecuritySteps.forRegion(target));
            for (Tier tier : Tier.values()) {
                steps.add(new StandInImageStep(target, tier));
            }
            if (spec.hasDomain()) {
                steps.add(new StandInCertificateStep(target));
            }
            steps.addAll(LoadBalancingSteps.forRegion(target));
            steps.addAll(ComputeSteps.forRegion(target));
        }
        steps.addAll(IdentitySteps.appInstanceProfile(spec, clients));
        return Plan.of(steps);
    }

    public ExecutionResult provision(StackSpec spec) {
        return new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(plan(spec, cloud));
    }

    public ElasticLoadBalancingV2Client elb(String region) {
        return cloud.elb(region);
    }

    public AutoScalingClient autoScaling(String region) {
        return cloud.autoScaling(region);
    }

    public Ec2Client ec2(String region) {
        return cloud.ec2(region);
    }

    public List<LoadBalancer> loadBalancers(String region) {
        return elb(region).describeLoadBalancers().loadBalancers();
    }

    public LoadBalancer loadBalancer(String region, Tier tier) {
        return elb(region).describeLoadBalancers(r -> r.names(ElbNames.of("dr", LoadBalancingRoles.loadBalancer(tier))))
                .loadBalancers().get(0);
    }

    public TargetGroup targetGroup(String region, Tier tier) {
        return elb(region).describeTargetGroups(r -> r.names(ElbNames.of("dr", LoadBalancingRoles.targetGroup(tier))))
                .targetGroups().get(0);
    }

    public List<Listener> listeners(String region, Tier tier) {
        String arn = loadBalancer(region, tier).loadBalancerArn();
        return elb(region).describeListeners(r -> r.loadBalancerArn(arn)).listeners();
    }

    public Listener listener(String region, Tier tier, int port) {
        return listeners(region, tier).stream().filter(l -> l.port() == port).findFirst().orElseThrow();
    }

    /** The listener's rules other than its default rule. */
    public List<Rule> rules(String region, Listener listener) {
        return elb(region).describeRules(r -> r.listenerArn(listener.listenerArn())).rules().stream()
                .filter(rule -> !rule.isDefault()).toList();
    }

    public AutoScalingGroup group(String region, Tier tier) {
        return autoScaling(region).describeAutoScalingGroups(r -> r.autoScalingGroupNames("dr-asg-" + tier.role()))
                .autoScalingGroups().get(0);
    }

    /** Instances not shutting down or terminated. */
    public List<Instance> liveInstances(String region) {
        return ec2(region).describeInstances(r -> r.filters(Ec2Tags.tag(Tags.STACK, "dr"),
                        Ec2Tags.filter("instance-state-name", "pending", "running")))
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
    }

    /** A GET from the internet, as a browser, CloudFront or a Route 53 health checker would send it. */
    public Reachability.Probe get(String host, int port, boolean https, String path) {
        return new Reachability(cloud.world()).get(host, port, https, path);
    }

    /** How many of each resource kind both regions hold: equal maps mean no duplicates and nothing missing. */
    public Map<String, Long> resourceCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String region : REGIONS) {
            counts.put(region + " target groups", (long) elb(region).describeTargetGroups().targetGroups().size());
            List<LoadBalancer> loadBalancers = loadBalancers(region);
            counts.put(region + " load balancers", (long) loadBalancers.size());
            long listeners = 0;
            long rules = 0;
            for (LoadBalancer lb : loadBalancers) {
                for (Listener listener : elb(region).describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                        .listeners()) {
                    listeners++;
                    rules += rules(region, listener).size();
                }
            }
            counts.put(region + " listeners", listeners);
            counts.put(region + " rules", rules);
            var templates = ec2(region).describeLaunchTemplates().launchTemplates();
            counts.put(region + " launch templates", (long) templates.size());
            counts.put(region + " launch template versions",
                    templates.stream().mapToLong(t -> t.latestVersionNumber()).sum());
            counts.put(region + " groups", (long) autoScaling(region).describeAutoScalingGroups()
                    .autoScalingGroups().size());
            counts.put(region + " instances", (long) liveInstances(region).size());
        }
        return counts;
    }

    /** The default spec with other instance types. */
    public static StackSpec withInstanceTypes(StackSpec s, String web, String app) {
        return new StackSpec(s.stack(), s.primaryRegion(), s.drRegion(), s.primaryCidr(), s.drCidr(), s.domain(),
                s.adminCidr(), s.natPerAz(), web, app, s.dbInstanceClass(), s.dbAllocatedStorageGib(),
                s.dbEngineVersion(), s.dbName(), s.dbMasterUsername(), s.primaryCapacity(), s.drCapacity(),
                s.healthCheckPath(), s.healthCheckIntervalSeconds(), s.healthCheckFailureThreshold(), s.internalZone());
    }

    /** The default spec with other capacities. */
    public static StackSpec withCapacities(StackSpec s, Capacity primary, Capacity dr) {
        return new StackSpec(s.stack(), s.primaryRegion(), s.drRegion(), s.primaryCidr(), s.drCidr(), s.domain(),
                s.adminCidr(), s.natPerAz(), s.webInstanceType(), s.appInstanceType(), s.dbInstanceClass(),
                s.dbAllocatedStorageGib(), s.dbEngineVersion(), s.dbName(), s.dbMasterUsername(), primary, dr,
                s.healthCheckPath(), s.healthCheckIntervalSeconds(), s.healthCheckFailureThreshold(), s.internalZone());
    }
}
