package dr.runbooks.actions.status;

import dr.core.ExitCode;
import dr.core.engine.Journal;
import dr.core.engine.StepResult;
import dr.regions.readiness.Finding;
import dr.regions.readiness.Verdict;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdict of a status run, from the findings its check steps journaled (and a failing finding per check that
 * could not run): done when ready for failover, else not ready (exit 3) naming the reasons.
 */
final class StatusReportAction implements RunbookAction {
    /** The runner's own record types, read back (never written) to see what the checks found. */
    static final String STEP_FINISHED = "step-finished";
    static final String STEP_FAILED = "step-failed";

    @Override
    public StepResult execute(ActionContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Journal.Entry finished : context.records(STEP_FINISHED)) {
            if (finished.data().get("outputs") instanceof Map<?, ?> outputs) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) outputs;
                findings.addAll(StatusFindings.of(map));
            }
        }
        for (Journal.Entry failed : context.records(STEP_FAILED)) {
            findings.add(StatusFindings.failedCheck(failed.key(), String.valueOf(failed.data().get("message"))));
        }
        if (findings.isEmpty()) {
            return StepResult.failed("nothing was checked", ExitCode.NOT_READY);
        }
        List<String> reasons = findings.stream().filter(f -> f.verdict() == Verdict.FAIL).map(Finding::reason).toList();
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
        if (!reasons.isEmpty()) {
            return StepResult.failed("not ready for failover: " + String.join("; ", reasons), ExitCode.NOT_READY);
        }
        return StepResult.ran("ready for failover" + (warnings == 0 ? "" : " (" + warnings + " warnings)"),
                Map.of("ready", true, "warnings", warnings));
    }
}
