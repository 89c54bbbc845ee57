package dr.runbooks.actions.status;

import dr.core.DrException;
import dr.core.model.StackSpec;
import dr.regions.readiness.ReadinessReport;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;


import java.util.Map;

/** {@code dr status}: runs the read-only status runbook on the stack the caller located and hands back its report. */
public final class StackStatus {
    private StackStatus() {
    }

    /** The readiness of {@code spec}; a run that could not even look at the stack is thrown with its exit code. */
    public static StatusOutcome check(StackSpec spec, RunbookLauncher launcher) {
        return check(spec, launcher, null);
    }

    /** The same, with the replica's lag bound to {@code maxLagSeconds} (null: the runbook's). */
    public static StatusOutcome check(StackSpec spec, RunbookLauncher launcher, Integer maxLagSeconds) {
        Runbook status = launcher.catalog().load("status");
        if (maxLagSeconds != null) {
            status = status.withParam(StatusActions.CHECK_REPLICA.name(), StatusActions.MAX_LAG, maxLagSeconds);
        }
        RunbookResult result = launcher.runReadOnly(status, Map.of(StatusActions.SPEC_ATTRIBUTE, spec));
        ReadinessReport report = StatusFindings.report(result)
                .orElseThrow(() -> new DrException(result.exitCode(), result.message()));
        return new StatusOutcome(result, report);
    }
}
