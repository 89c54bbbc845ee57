package dr.runbooks.actions.status;

import dr.core.DrException;
import dr.core.model.StackSpec;
import dr.regions.readiness.ReadinessReport;
import dr.runbooks.RunbookLauncher;
import dr.runbooks.RunbookResult;


import java.util.Map;

/** {@code dr status}: runs the read-only status runbook on the stack the caller located and hands back its report. */
public final class StackStatus {
    private StackStatus() {
    }

    /** The readiness of {@code spec}; a run that could not even look at the stack is thrown with its exit code. */
    public static StatusOutcome check(StackSpec spec, RunbookLauncher launcher) {
        RunbookResult result = launcher.runReadOnly(launcher.catalog().load("status"),
                Map.of(StatusActions.SPEC_ATTRIBUTE, spec));
        ReadinessReport report = StatusFindings.report(result)
                .orElseThrow(() -> new DrException(result.exitCode(), result.message()));
        return new StatusOutcome(result, report);
    }
}
