package dr.runbooks;

import dr.runbooks.step.StepParams;
import dr.runbooks.step.StepType;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a runbook as loaded. {@code stepType} is null when the type is not registered (a runbook loaded only
 * to be described); {@code timeout} is null when the runbook gives none (the type's default applies);
 * {@code description} is null when none is given; {@code line} is where the step starts in its file.
 * {@code always} steps run like a {@code finally}: also after an earlier step failed or the run was interrupted.
 */
public record RunbookStep(
        String id,
        String type,
        String description,
        StepParams params,
        Duration timeout,
        boolean always,
        int line,
        StepType stepType) {

    public RunbookStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(params, "params");
    }

    /** False when the step's type is not registered yet: the runbook can be shown but not run. */
    public boolean available() {
        return stepType != null;
    }

    /** The timeout the runbook gives, else the type's default; empty for a type that is not registered. */
    public Optional<Duration> effectiveTimeout() {
        if (timeout != null) {
            return Optional.of(timeout);
        }
        return Optional.ofNullable(stepType).map(known -> known.defaultTimeout(params));
    }
}
