package dr.runbooks.actions.status;

import dr.regions.readiness.Finding;
import dr.regions.readiness.ReadinessReport;
import dr.regions.readiness.Verdict;
import dr.runbooks.RunbookResult;
import dr.runbooks.StepReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readiness report of a status run, put together from what its steps journaled: the {@code findings} every
 * check step outputs, and a failing finding for a check that could not run. The CLI prints it; the report step
 * decides the exit code from the same findings.
 */
public final class StatusFindings {
    static final String FINDINGS = "findings";

    private StatusFindings() {
    }

    /** The report of a finished status run; empty when the stack itself could not be found (nothing was checked). */
    public static Optional<ReadinessReport> report(RunbookResult result) {
        Optional<StepReport> discover = result.steps().stream()
                .filter(step -> step.type().equals(StatusActions.DISCOVER.name()) && step.finished()).findFirst();
        if (discover.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> findings = new ArrayList<>();
        for (StepReport step : result.steps()) {
            findings.addAll(of(step.outputs()));
            if (step.status() == StepReport.Status.FAILED && !step.type().equals(StatusActions.REPORT.name())) {
                findings.add(failedCheck(step.id(), step.summary()));
            }
        }
        Map<String, Object> stack = discover.get().outputs();
        return Optional.of(new ReadinessReport(String.valueOf(stack.get("stack")),
                String.valueOf(stack.get("primaryRegion")), String.valueOf(stack.get("drRegion")),
                Instant.parse(String.valueOf(stack.get("checkedAt"))), findings));
    }

    /** The findings a check step output, as a list of plain maps. */
    static List<Finding> of(Map<String, Object> outputs) {
        List<Finding> findings = new ArrayList<>();
        if (outputs.get(FINDINGS) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    findings.add(Finding.fromMap(map));
                }
            }
        }
        return findings;
    }

    static Finding failedCheck(String stepId, String message) {
        return new Finding("-", "status", stepId, Verdict.FAIL, "check could not run: " + message);
    }

    static Map<String, Object> outputs(List<Finding> findings) {
        long failing = findings.stream().filter(f -> f.verdict() == Verdict.FAIL).count();
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
        return Map.of(FINDINGS, findings.stream().map(Finding::toMap).toList(), "failing", failing,
                "warnings", warnings);
    }

    static String summary(List<Finding> findings) {
        long failing = findings.stream().filter(f -> f.verdict() == Verdict.FAIL).count();
        long warnings = findings.stream().filter(f -> f.verdict() == Verdict.WARN).count();
        return findings.size() + " checked, " + failing + " failing, " + warnings + " warnings";
    }
}
