package dr.regions.provision;

import dr.core.engine.Plan;
import dr.core.engine.Step;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.backup.BackupSteps;
import dr.regions.certificates.CertificateSteps;
import dr.regions.edge.EdgeSteps;
import dr.regions.compute.ComputeSteps;
import dr.regions.loadbalancing.LoadBalancingSteps;
import dr.regions.images.BastionSteps;
import dr.regions.images.ImageSteps;
import dr.regions.database.DatabaseRoles;
import dr.regions.database.DbSubnetGroupStep;
import dr.regions.dns.DbRecordStep;
import dr.regions.dns.PrivateZoneStep;
import dr.regions.identity.IdentitySteps;
import dr.regions.network.NetworkSteps;
import dr.regions.security.SecuritySteps;
import dr.regions.step.RegionTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole stack as one plan: the same steps for both regions (only the database differs: a primary in
 * one, its cross-region replica in the other), then the global edge. Ordering is only the dependency
 * edges; the engine runs whatever is ready, both regions at once.
 */
public final class ProvisionPlan {
    private ProvisionPlan() {
    }

    public static Plan build(StackSpec spec, AwsClients clients) {
        return build(spec, clients, Failover.NONE);
    }

    /**
     * The plan's steps and their dependencies only, for drawing it ({@code dr graph}): its steps must never run. The
     * settings record is left out: tags on the VPCs, not a piece of the topology.
     */
    public static Plan shape(StackSpec spec) {
        return Plan.of(build(spec, null).steps().stream().filter(step -> !(step instanceof SettingsRecordStep))
                .toList());
    }

    /** The plan's shape for a stack in the given {@link Failover} state. */
    static Plan shape(StackSpec spec, Failover failover) {
        return build(spec, null, failover);
    }

    /** The plan for a stack in the given {@link Failover} state: once promoted, it keeps DR serving. */
    public static Plan build(StackSpec spec, AwsClients clients, Failover failover) {
        StackSpec wanted = failover.apply(spec);
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            RegionTarget target = new RegionTarget(wanted, role, clients);
            steps.addAll(regionSteps(target, failover));
            steps.add(new SettingsRecordStep(target, spec));
        }
        steps.addAll(IdentitySteps.forStack(wanted, clients));
        steps.addAll(EdgeSteps.forStack(wanted, clients, failover != Failover.NONE));
        return Plan.of(steps);
    }

    static List<Step> regionSteps(RegionTarget target) {
        return regionSteps(target, Failover.NONE);
    }

    static List<Step> regionSteps(RegionTarget target, Failover failover) {
        List<Step> steps = new ArrayList<>();
        steps.addAll(NetworkSteps.forRegion(target));
        steps.addAll(SecuritySteps.forRegion(target));
        steps.add(new DbSubnetGroupStep(target));
        steps.add(failover.databaseStep(target));
        steps.addAll(BackupSteps.forRegion(target));
        steps.addAll(ImageSteps.forRegion(target));
        steps.addAll(BastionSteps.forRegion(target));
        steps.addAll(CertificateSteps.forRegion(target));
        steps.addAll(LoadBalancingSteps.forRegion(target));
        steps.addAll(ComputeSteps.forRegion(target));
        steps.add(new PrivateZoneStep(target));
        steps.add(new DbRecordStep(target,
                target.key(DatabaseRoles.stepRole(target.role()))));
        return steps;
    }
}
