package dr.runbooks.actions.drill;

import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.regions.drill.DrillTopology;
import dr.regions.drill.HealthCheckFault;
import dr.regions.drill.IngressFault;
import dr.regions.drill.NetworkFault;
import dr.regions.drill.SavedNetwork;
import dr.regions.drill.SavedIngress;
import dr.regions.security.SecurityRoles;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code inject-fault}: journals exactly what the fault will change, and only then changes it. Ingress: the HTTP/HTTPS
 * permissions of the primary {@code sg-alb-web} and {@code sg-alb-app}, then revoked. Health check: its
 * {@code Inverted} setting, then inverted. Network: the network ACL of each of the primary load balancers' subnets,
 * then the subnets moved to a deny-all ACL. When this run already saved them (the engine retried this step after an
 * error), the saved record is kept: saving again would save the half-revoked state as the truth.
 */
final class InjectFaultAction implements RunbookAction {
    private final FaultKind fault;

    InjectFaultAction(FaultKind fault) {
        this.fault = fault;
    }

    @Override
    public StepResult execute(ActionContext context) {
        DrillTopology topology = DrillContext.topology(context);
        return switch (fault) {
            case INGRESS -> ingress(context, topology);
            case HEALTH_CHECK -> healthCheck(context, topology);
            case NETWORK -> network(context, topology);
        };
    }

    private StepResult network(ActionContext context, DrillTopology topology) {
        NetworkFault network = new NetworkFault(DrillContext.operations(context).clients());
        SavedNetwork saved = alreadySaved(context).map(entry -> SavedNetwork.fromMap(DrillRecords.map(
                entry.data().get("network")))).orElse(null);
        if (saved == null) {
            List<String> subnets = network.subnetsOf(topology.primaryRegion(), java.util.Arrays.asList(
                    topology.primaryWebAlb(), topology.primaryAppAlb()));
            if (subnets.isEmpty()) {
                return StepResult.failed("cannot inject the network fault: the primary load balancers' subnets were"
                        + " not found in " + topology.primaryRegion());
            }
            saved = network.save(topology.primaryRegion(), subnets);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", fault.label());
            record.put("network", saved.toMap());
            context.record(DrillRecords.FAULT_SAVED, record);
        }
        int moved = network.cut(saved, topology.stack());
        String description = "moved " + saved.subnets().size() + " subnet" + (saved.subnets().size() == 1 ? "" : "s")
                + " of the primary load balancers to a deny-all network ACL: " + saved.describe();
        injected(context, description);
        return StepResult.ran(description, Map.of("kind", fault.label(), "subnets", saved.subnets().size(),
                "movedNow", moved));
    }

    private StepResult ingress(ActionContext context, DrillTopology topology) {
        if (topology.albWebGroupId() == null || topology.albAppGroupId() == null) {
            return StepResult.failed("cannot inject the ingress fault: the primary load balancers' security groups"
                    + " (sg-alb-web, sg-alb-app) were not found in " + topology.primaryRegion());
        }
        IngressFault ingress = new IngressFault(DrillContext.operations(context).clients());
        SavedIngress saved = alreadySaved(context).map(entry -> SavedIngress.fromMap(DrillRecords.map(
                entry.data().get("ingress")))).orElse(null);
        if (saved == null) {
            Map<String, String> groups = new LinkedHashMap<>();
            groups.put(SecurityRoles.ALB_WEB.role(), topology.albWebGroupId());
            groups.put(SecurityRoles.ALB_APP.role(), topology.albAppGroupId());
            saved = ingress.save(topology.primaryRegion(), groups);
            if (saved.ruleCount() == 0) {
                return StepResult.failed("nothing to revoke: the primary load balancers admit no HTTP/HTTPS ("
                        + saved.describe() + "); was an earlier drill not restored? (dr failover restore)");
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", fault.label());
            record.put("ingress", saved.toMap());
            context.record(DrillRecords.FAULT_SAVED, record);
        }
        int revoked = ingress.revoke(saved);
        String description = "revoked " + saved.ruleCount() + " HTTP/HTTPS ingress rule"
                + (saved.ruleCount() == 1 ? "" : "s") + " of " + saved.describe();
        injected(context, description);
        return StepResult.ran(description, Map.of("kind", fault.label(), "rules", saved.ruleCount(),
                "revokedNow", revoked));
    }

    private StepResult healthCheck(ActionContext context, DrillTopology topology) {
        if (topology.healthCheckId() == null) {
            return StepResult.failed("cannot invert the health check: the stack has none");
        }
        HealthCheckFault faults = new HealthCheckFault(DrillContext.operations(context).clients().route53());
        HealthCheckFault.Saved saved = alreadySaved(context).map(entry -> new HealthCheckFault.Saved(
                String.valueOf(entry.data().get("healthCheckId")),
                Boolean.TRUE.equals(entry.data().get("inverted")))).orElse(null);
        if (saved == null) {
            saved = faults.save(topology.healthCheckId());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", fault.label());
            record.put("healthCheckId", saved.healthCheckId());
            record.put("inverted", saved.inverted());
            context.record(DrillRecords.FAULT_SAVED, record);
        }
        faults.invert(saved);
        String description = "set Inverted=" + !saved.inverted() + " on the Route 53 health check "
                + saved.healthCheckId();
        injected(context, description);
        return StepResult.ran(description, Map.of("kind", fault.label(), "healthCheckId", saved.healthCheckId()));
    }

    private Optional<Journal.Entry> alreadySaved(ActionContext context) {
        return DrillRecords.last(context, DrillRecords.FAULT_SAVED)
                .filter(entry -> fault.label().equals(entry.data().get("kind")));
    }

    private void injected(ActionContext context, String description) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", fault.label());
        record.put("description", description);
        context.record(DrillRecords.FAULT_INJECTED, record);
    }
}
