package dr.runbooks;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.DurationFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of a runbook run: one {@link StepReport} per step in runbook order, the clock times of the run, and
 * whether it was interrupted. For a {@link RunbookRunner#recover} the result is about the recovery: it succeeds when
 * every pending always-step ran.
 */
public record RunbookResult(String runbook, List<StepReport> steps, Instant startedAt, Instant finishedAt,
                            boolean interrupted) {

    public RunbookResult {
        steps = List.copyOf(steps);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public Optional<StepReport> find(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst();
    }

    public StepReport step(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no step '" + id + "' in " + runbook));
    }

    public List<StepReport> failed() {
        return steps.stream().filter(step -> step.status() == StepReport.Status.FAILED).toList();
    }

    public boolean succeeded() {
        return exitCode() == ExitCode.OK;
    }

    /**
     * The first failed step's exit code (a check may fail with {@link ExitCode#NOT_READY}, an approval without a
     * terminal with {@link ExitCode#BAD_INPUT}); {@link ExitCode#FAILED} for a run that was interrupted before it
     * finished, or has steps not finished; {@link ExitCode#OK} otherwise. Steps skipped by a recovery do not count.
     */
    public ExitCode exitCode() {
        Optional<StepReport> firstFailure = failed().stream().findFirst();
        if (firstFailure.isPresent()) {
            return firstFailure.get().exitCode();
        }
        boolean unfinished = steps.stream().anyMatch(step -> step.status() == StepReport.Status.PENDING
                || step.status() == StepReport.Status.RUNNING || step.status() == StepReport.Status.INTERRUPTED
                || interrupted && step.status() == StepReport.Status.SKIPPED);
        return unfinished ? ExitCode.FAILED : ExitCode.OK;
    }

    /** One line for the operator, e.g. {@code failover-drill: step 'preflight' failed: replica lag 12m}. */
    public String message() {
        Optional<StepReport> firstFailure = failed().stream().findFirst();
        String always = steps.stream().filter(StepReport::always).filter(StepReport::finished).map(StepReport::id)
                .collect(Collectors.joining(", "));
        String alwaysRan = always.isEmpty() ? "" : " (always-steps done: " + always + ")";
        if (firstFailure.isPresent()) {
            StepReport failure = firstFailure.get();
            return runbook + ": step '" + failure.id() + "' failed: " + failure.summary() + alwaysRan;
        }
        if (exitCode() != ExitCode.OK) {
            String during = steps.stream().filter(step -> step.status() == StepReport.Status.INTERRUPTED)
                    .map(step -> " during '" + step.id() + "'").findFirst().orElse("");
            return runbook + (interrupted ? ": interrupted" + during : ": did not finish") + alwaysRan;
        }
        return runbook + ": finished in " + DurationFormat.compact(duration());
    }

    /** @throws DrException with {@link #exitCode} and {@link #message} unless the run succeeded */
    public RunbookResult orThrow() {
        if (!succeeded()) {
            throw new DrException(exitCode(), message());
        }
        return this;
    }
}
