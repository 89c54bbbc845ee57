package dr.runbooks.actions.cycle;

import dr.core.engine.ProgressListener;
import dr.core.engine.StepOutcome;
import dr.core.engine.StepResult;
import dr.regions.cdn.DistributionStep;
import dr.regions.dns.FailoverRecordsStep;
import dr.core.report.ProvisionReport;
import dr.regions.provision.Failover;
import dr.regions.provision.PreparedProvision;
import dr.regions.provision.Provisioning;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code provision-stack}: brings every resource of the stack in line with where it now stands in the failover cycle,
 * with provision's own plan for that state (idempotent, so a resumed run finishes it). After a reprotect's database
 * work ({@link Failover#REPROTECTED}) that creates the primary region's read replica of the DR writer, points the
 * primary's database name at it, runs the primary at warm-standby size and keeps the edge on DR; after a failback
 * ({@link Failover#NONE}) it re-creates the DR read replica from the new primary, restores the api failover records and
 * CloudFront's origin group on the primary, and runs the primary at full and DR at warm-standby size.
 */
final class ProvisionStackAction implements RunbookAction {
    private final Failover failover;

    ProvisionStackAction(Failover failover) {
        this.failover = failover;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Provisioning provisioning = new Provisioning(CycleScope.spec(context), CycleScope.clients(context),
                context.clock());
        PreparedProvision prepared = provisioning.prepare(failover);
        ProvisionReport report = provisioning.run(prepared, ProgressListener.NONE);
        if (!report.succeeded()) {
            return StepResult.failed("provision (" + failover.name().toLowerCase() + "): "
                    + report.result().failed().stream().map(f -> f.key() + ": " + f.message()).toList());
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("failover", failover.name());
        report.result().countsByAction().forEach((action, count) -> outputs.put(action.name().toLowerCase(), count));
        // When writes reach the serving region again: the api records (and CloudFront) in line, which the report
        // takes as the end of the write freeze users saw.
        report.result().find(FailoverRecordsStep.KEY).or(() -> report.result().find(DistributionStep.KEY))
                .map(StepOutcome::finishedAt).ifPresent(at -> outputs.put(CycleReport.EDGE_READY_AT, at.toString()));
        return StepResult.ran("stack in line with " + failover.name().toLowerCase() + " (" + report.result()
                .countsByAction() + ")", outputs);
    }
}
