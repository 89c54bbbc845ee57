package dr.regions.edge;

import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.certificates.CertificateSteps;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.loadbalancing.ElbNames;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox account with the web and app ALBs of both regions already built (each with a healthy instance and the
 * {@code /_dr/region} answer, its security group open on 80 and 443 like the stack's {@code sg-alb-*} groups), and the edge plan over them: stand-ins for the load-balancing steps, the regional
 * certificates and the global edge steps.
 */
final class EdgeSandbox {
    final InMemoryCloud cloud;
    final StackSpec spec;
    final Map<String, EdgeFixture.Alb> albs;

    /** The same account and ALBs, provisioned with another spec (same stack and regions). */
    EdgeSandbox(EdgeSandbox existing, StackSpec spec) {
        this.cloud = existing.cloud;
        this.spec = spec;
        this.albs = existing.albs;
    }

    EdgeSandbox(StackSpec spec) {
        this.cloud = new InMemoryCloud(SandboxAccount.create());
        this.spec = spec;
        this.albs = new LinkedHashMap<>();
        int octet = 30;
        for (RegionRole role : RegionRole.values()) {
            for (Tier tier : Tier.values()) {
                String region = spec.region(role);
                EdgeFixture.Alb alb = EdgeFixture.alb(cloud, region, albName(tier), octet++);
                cloud.ec2(region).authorizeSecurityGroupIngress(r -> r.groupId(alb.securityGroupId())
                        .ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
                                .ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
                albs.put(region + "/" + tier.role(), alb);
            }
        }
        EdgeFixture.settle(cloud);
    }

    static StackSpec withDomain(String primary, String dr) {
        return StackSpec.defaults(primary, dr).withDomain(SandboxAccount.PUBLIC_DOMAIN);
    }

    String albName(Tier tier) {
        return ElbNames.of(spec.stack(), LoadBalancingRoles.loadBalancer(tier));
    }

    EdgeFixture.Alb alb(String region, Tier tier) {
        return albs.get(region + "/" + tier.role());
    }

    Plan plan() {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            String region = spec.region(role);
            for (Tier tier : Tier.values()) {
                steps.add(new StandInLoadBalancerStep(cloud, region, LoadBalancingRoles.loadBalancer(tier),
                        albName(tier)));
            }
            if (spec.hasDomain()) {
                steps.add(new StandInHttpsListenerStep(cloud, region, LoadBalancingRoles.loadBalancer(Tier.WEB),
                        albName(Tier.WEB) + "-tg"));
            }
            steps.addAll(CertificateSteps.forRegion(new RegionTarget(spec, role, cloud)));
        }
        steps.addAll(EdgeSteps.forStack(spec, cloud));
        return Plan.of(steps);
    }

    ExecutionResult provision() {
        return new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE).run(plan());
    }

    String zoneId() {
        return EdgeFixture.publicZoneId(cloud, SandboxAccount.PUBLIC_DOMAIN);
    }

    List<ResourceRecordSet> records(String name, String type) {
        return cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId())).resourceRecordSets().stream()
                .filter(s -> s.name().equals(name + ".") && s.typeAsString().equals(type)).toList();
    }

    static StepKey global(String role) {
        return StepKey.global(role);
    }
}
