package dr.runbooks;

import dr.runbooks.step.StepParams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A loaded runbook: its name, what it is for, where it came from (file or built-in) and its steps in order. */
public record Runbook(String name, String description, String source, List<RunbookStep> steps) {

    public Runbook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        steps = List.copyOf(steps);
        Set<String> ids = new HashSet<>();
        for (RunbookStep step : steps) {
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException("runbook " + name + " has two steps with id '" + step.id() + "'");
            }
        }
    }

    /**
     * This runbook with {@code value} as parameter {@code param} of every step of type {@code type}: how a command's
     * option reaches its steps, so the run, its journal and {@code runbook show} all say the same thing.
     */
    public Runbook withParam(String type, String param, Object value) {
        List<RunbookStep> changed = new ArrayList<>();
        for (RunbookStep step : steps) {
            if (!step.type().equals(type) || step.stepType() == null) {
                changed.add(step);
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(step.params().asMap());
            values.put(param, value);
            changed.add(new RunbookStep(step.id(), step.type(), step.description(),
                    StepParams.of(step.stepType(), values), step.timeout(), step.always(), step.line(),
                    step.stepType()));
        }
        return new Runbook(name, description, source, changed);
    }

    public Optional<RunbookStep> find(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst();
    }

    public RunbookStep step(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("runbook " + name + " has no step '" + id + "'"));
    }

    /** The steps that run like a {@code finally}, in order. */
    public List<RunbookStep> alwaysSteps() {
        return steps.stream().filter(RunbookStep::always).toList();
    }

    /** Steps whose type is not registered yet; a runbook with any cannot be run. */
    public List<RunbookStep> unavailableSteps() {
        return steps.stream().filter(step -> !step.available()).toList();
    }

    public boolean runnable() {
        return unavailableSteps().isEmpty();
    }
}
