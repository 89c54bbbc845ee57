package dr.runbooks.actions.drill;

import dr.core.DrException;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookStep;
import dr.runbooks.step.StepParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's choices for one drill ({@code --fault}, {@code --timeout}, {@code --rto-target}, {@code --force}),
 * applied to a drill runbook as the parameters of its steps, by step type: the run, its journal and
 * {@code runbook show} then all say the same thing. A choice left null keeps what the runbook says.
 */
public record DrillOptions(String fault, Duration timeout, Duration rtoTarget, Boolean force) {

    /** @throws DrException bad input for an unknown fault or a duration that is not positive */
    public DrillOptions {
        if (fault != null && FaultKind.parse(fault).isEmpty()) {
            throw DrException.badInput("--fault " + fault + ": unknown fault (known: " + FaultKind.names() + ")");
        }
        positive("--timeout", timeout);
        positive("--rto-target", rtoTarget);
    }

    private static void positive(String option, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw DrException.badInput(option + " must be longer than zero");
        }
    }

    /** {@code runbook} with these choices as its steps' parameters. */
    public Runbook applyTo(Runbook runbook) {
        List<RunbookStep> steps = new ArrayList<>();
        for (RunbookStep step : runbook.steps()) {
            Map<String, Object> values = new LinkedHashMap<>(step.params().asMap());
            switch (step.type()) {
                case DrillActions.PREFLIGHT -> {
                    put(values, "force", force);
                    put(values, "fault", fault);
                }
                case DrillActions.INJECT -> put(values, "fault", fault);
                case DrillActions.OBSERVE -> put(values, "timeout", timeout);
                case DrillActions.REPORT -> put(values, "rto-target", rtoTarget);
                default -> {
                }
            }
            if (values.equals(step.params().asMap()) || step.stepType() == null) {
                steps.add(step);
                continue;
            }
            StepParams params = StepParams.of(step.stepType(), values);
            // an observe step's engine timeout follows its own timeout unless the runbook fixed one
            steps.add(new RunbookStep(step.id(), step.type(), step.description(), params, step.timeout(),
                    step.always(), step.line(), step.stepType()));
        }
        return new Runbook(runbook.name(), runbook.description(), runbook.source(), steps);
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
