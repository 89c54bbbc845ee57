package dr.runbooks.actions.drill;

import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.regions.drill.HealthCheckFault;
import dr.regions.drill.IngressFault;
import dr.regions.drill.NetworkFault;
import dr.regions.drill.SavedNetwork;
import dr.regions.drill.SavedIngress;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code restore-fault}: puts back exactly what this run's journal says the fault changed, reading nothing else: the
 * saved ingress permissions are authorized where missing (so it is harmless to run twice, and after a crash that came
 * before or after the revoke), a saved health-check setting is put back where it differs, subnets are moved back to
 * their saved network ACLs and the drill's deny-all ACL deleted. A run that saved nothing
 * has nothing to restore.
 */
final class RestoreFaultAction implements RunbookAction {

    @Override
    public StepResult execute(ActionContext context) {
        List<Journal.Entry> saved = context.records(DrillRecords.FAULT_SAVED);
        if (saved.isEmpty()) {
            return StepResult.ran("nothing to restore: no fault was injected", Map.of("restored", false));
        }
        Operations operations = DrillContext.operations(context);
        List<String> done = new ArrayList<>();
        for (Journal.Entry entry : saved) {
            String kind = String.valueOf(entry.data().get("kind"));
            if (FaultKind.INGRESS.label().equals(kind)) {
                SavedIngress ingress = SavedIngress.fromMap(DrillRecords.map(entry.data().get("ingress")));
                IngressFault.Restored restored = new IngressFault(operations.clients()).restore(ingress);
                done.add(restored.describe() + " on " + ingress.describe());
            } else if (FaultKind.HEALTH_CHECK.label().equals(kind)) {
                HealthCheckFault.Saved check = new HealthCheckFault.Saved(
                        String.valueOf(entry.data().get("healthCheckId")), Boolean.TRUE.equals(entry.data().get("inverted")));
                boolean changed = new HealthCheckFault(operations.clients().route53()).restore(check);
                done.add((changed ? "set Inverted=" + check.inverted() : "Inverted=" + check.inverted()
                        + " already in place") + " on the health check " + check.healthCheckId());
            } else if (FaultKind.NETWORK.label().equals(kind)) {
                SavedNetwork network = SavedNetwork.fromMap(DrillRecords.map(entry.data().get("network")));
                NetworkFault.Restored restored = new NetworkFault(operations.clients())
                        .restore(network, operations.target().stack());
                done.add(restored.describe() + " on " + network.describe());
            } else {
                return StepResult.failed("the journal holds a fault of unknown kind '" + kind + "'; restore it by hand");
            }
        }
        String summary = String.join("; ", done);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("summary", summary);
        context.record(DrillRecords.RESTORED, record);
        context.out().println("restored: " + summary);
        context.out().flush();
        return StepResult.ran(summary, Map.of("restored", true));
    }
}
