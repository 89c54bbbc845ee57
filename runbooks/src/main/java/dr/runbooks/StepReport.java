package dr.runbooks;

import dr.core.ExitCode;
import dr.core.engine.ServiceError;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to one step of a runbook run: a record for the operator and the reports, not an answer (a step's
 * action answers each call with the engine's {@link dr.core.engine.StepResult}). It is the runbook's counterpart of
 * the engine's {@link dr.core.engine.StepOutcome}, with what a journaled, resumable, interruptible run adds: the
 * statuses a snapshot or a resume shows, the exit code, JSON outputs. {@code summary} is the action's one line when done, the reason when failed or
 * skipped. {@code exitCode} is set only for a failed step. {@code startedAt}/{@code finishedAt} are clock times (modeled
 * on a virtual clock), null for a step that did not run. {@code error} is the AWS error a failed step ended on, part
 * by part (its line is the summary); null for any other step.
 */
public record StepReport(
        String id,
        String type,
        boolean always,
        Status status,
        String summary,
        Map<String, Object> outputs,
        ExitCode exitCode,
        Instant startedAt,
        Instant finishedAt,
        ServiceError error) {

    /**
     * Where the step stands in the run. DONE, FAILED and SKIPPED mean what the engine's statuses mean; the others
     * exist only for a runbook run: not reached yet, running now (a snapshot), finished before a resume, interrupted.
     */
    public enum Status {
        /** Not reached (yet). */
        PENDING,
        /** Being run right now (seen only in a snapshot taken while the run goes on). */
        RUNNING,
        DONE,
        /** Finished by an earlier attempt of this run, before a crash or an interruption; not run again. */
        ALREADY_DONE,
        FAILED,
        /** Stopped because the run was interrupted. */
        INTERRUPTED,
        /** Not run: an earlier step failed or the run was interrupted (always-steps are never skipped). */
        SKIPPED
    }

    public StepReport {
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** A report no AWS error ended. */
    public StepReport(String id, String type, boolean always, Status status, String summary,
                      Map<String, Object> outputs, ExitCode exitCode, Instant startedAt, Instant finishedAt) {
        this(id, type, always, status, summary, outputs, exitCode, startedAt, finishedAt, null);
    }

    static StepReport pending(RunbookStep step) {
        return new StepReport(step.id(), step.type(), step.always(), Status.PENDING, null, Map.of(), null, null, null);
    }

    StepReport withStatus(Status newStatus, String newSummary) {
        return new StepReport(id, type, always, newStatus, newSummary, outputs, exitCode, startedAt, finishedAt, error);
    }

    /** This step, failed while running by something other than its action's result. */
    StepReport stopped(String message, ExitCode code, Instant at) {
        return new StepReport(id, type, always, Status.FAILED, message, Map.of(), code, startedAt == null ? at : startedAt, at);
    }

    /** Clock time the step took; zero when it did not run. */
    public Duration elapsed() {
        return startedAt == null || finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }

    /** True for a step that finished, in this attempt or an earlier one. */
    public boolean finished() {
        return status == Status.DONE || status == Status.ALREADY_DONE;
    }
}
