package dr.runbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ServiceError;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.engine.StepResult;
import dr.runbooks.step.RunbookAction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs one runbook once: its steps in order, each through the engine's {@link Executor} (which owns polling, backoff,
 * timeouts and retries), journaling every step's start, finish (with its outputs) and failure.
 *
 * <ul>
 *   <li>{@link #run} starts a fresh run. It refuses while the journal's last run still has always-steps that never
 *       finished (the process died, or a restore failed): {@link #recover} those first.</li>
 *   <li>{@link #resume} continues the journal's last run if it did not succeed: steps journaled as finished are not run
 *       again, and their outputs are readable by later steps, unless their type has a
 *       {@link dr.runbooks.step.Postcondition postcondition}: that is checked against the cloud in the step's turn, and
 *       the step runs again when it does not hold (the journal says what was done; the cloud says what is true).</li>
 *   <li>{@link #recover} runs only the always-steps the journal's last run never finished (e.g. {@code dr failover
 *       restore} after a crash).</li>
 *   <li>After a step fails, the remaining steps are skipped except the {@code always} ones, which run in order like a
 *       {@code finally}; also when an unexpected exception escapes, before it is rethrown.</li>
 *   <li>{@link #interrupt} is for the CLI's shutdown hook (Ctrl-C): from any thread, it stops the run from starting
 *       new steps (a waiting step stops at its next poll) and runs the pending always-steps itself, returning when they
 *       are done. Each step runs at most once per run: if the main thread is already running an always-step, the hook
 *       waits for it instead of running it again, and the main thread later finds the hook's steps finished.</li>
 *   <li>A {@link java.lang.Error} (a simulated crash) propagates without running anything more, as a killed process
 *       would; the journal then shows the run unfinished, for {@link #resume} or {@link #recover}.</li>
 * </ul>
 */
public final class RunbookRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Runbook runbook;
    private final RunbookContext context;
    private final RunJournal journal;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, as are the flags below except {@link #interrupted}. */
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> outputs = new ConcurrentHashMap<>();
    private volatile boolean interrupted;
    private boolean used;
    private boolean started;
    private boolean completed;
    private boolean interruptJournaled;
    private String firstFailedStep;
    private Instant startedAt;

    /** The runner's bookkeeping for one step: who runs it, and what became of it (its report's status says which). */
    private static final class Slot {
        Thread owner;
        StepReport report;
        /** Journaled as finished by an earlier attempt, and its postcondition not yet checked against the cloud. */
        boolean recheck;

        Slot(RunbookStep step) {
            this.report = StepReport.pending(step);
        }

        StepReport.Status status() {
            return report.status();
        }
    }

    /** @throws DrException bad input when a step type of the runbook is not registered */
    public RunbookRunner(Runbook runbook, RunbookContext context) {
        if (!runbook.runnable()) {
            throw DrException.badInput(runbook.source() + ": runbook '" + runbook.name()
                    + "' cannot run yet: its step types " + runbook.unavailableSteps().stream()
                    .map(step -> "'" + step.type() + "' (line " + step.line() + ")").distinct()
                    .collect(Collectors.joining(", ")) + " are not available yet");
        }
        this.runbook = runbook;
        this.context = context;
        this.journal = new RunJournal(context.journal());
        runbook.steps().forEach(step -> slots.put(step.id(), new Slot(step)));
    }

    public Runbook runbook() {
        return runbook;
    }

    /** Runs every step from the first. */
    public RunbookResult run() {
        claim();
        journal.lastRun().filter(last -> !last.pendingAlwaysSteps().isEmpty()).ifPresent(last -> {
            throw DrException.badInput("the last run of '" + last.runbook() + "' (started " + last.startedAt()
                    + ") stopped before its always-steps finished (" + String.join(", ", last.pendingAlwaysSteps())
                    + "); recover it first (journal " + context.journal().path() + ")");
        });
        begin(RunJournal.RUN_STARTED, Map.of(
                "source", runbook.source(),
                "steps", runbook.steps().stream().map(RunbookStep::id).toList(),
                "always", runbook.alwaysSteps().stream().map(RunbookStep::id).toList()));
        return execute(false);
    }

    /** Continues the journal's last run: steps it finished are not run again. */
    public RunbookResult resume() {
        claim();
        JournaledRun last = lastRunOfThisRunbook("resume");
        if (last.succeeded()) {
            throw DrException.badInput("nothing to resume: the last run of '" + runbook.name() + "' (started "
                    + last.startedAt() + ") finished successfully");
        }
        preload(last);
        begin(RunJournal.RUN_RESUMED, Map.of("alreadyDone", List.copyOf(last.finishedSteps().keySet())));
        return execute(false);
    }

    /** Runs only the always-steps the journal's last run never finished; every other step is skipped. */
    public RunbookResult recover() {
        claim();
        JournaledRun last = lastRunOfThisRunbook("recover");
        if (last.pendingAlwaysSteps().isEmpty()) {
            throw DrException.badInput("nothing to recover: the always-steps of the last run of '" + runbook.name()
                    + "' (started " + last.startedAt() + ") all finished");
        }
        preload(last);
        begin(RunJournal.RUN_RECOVERING, Map.of("pending", last.pendingAlwaysSteps()));
        return execute(true);
    }

    /**
     * Stops the run and runs its pending always-steps, exactly once however often and from whichever thread this is
     * called; returns when they are done, with a snapshot of the run. Does nothing before the run started or after it
     * completed.
     */
    public RunbookResult interrupt() {
        synchronized (lock) {
            if (!started || completed) {
                return snapshot();
            }
            interrupted = true;
        }
        runPendingAlways();
        boolean journalIt;
        synchronized (lock) {
            journalIt = !interruptJournaled && !completed;
            interruptJournaled = true;
        }
        if (journalIt) {
            journal.append(RunJournal.RUN_INTERRUPTED, runbook.name(), Map.of("alwaysDone", alwaysDone()));
        }
        return snapshot();
    }

    /** The run as it stands: finished steps with their reports, the others pending or running. */
    public RunbookResult snapshot() {
        Instant now = context.clock().now();
        synchronized (lock) {
            List<StepReport> reports = slots.values().stream().map(slot -> slot.report).toList();
            return new RunbookResult(runbook.name(), reports, startedAt == null ? now : startedAt, now, interrupted);
        }
    }

    private void claim() {
        synchronized (lock) {
            if (used) {
                throw new IllegalStateException("a RunbookRunner runs once; make a new one");
            }
            used = true;
        }
    }

    private JournaledRun lastRunOfThisRunbook(String what) {
        JournaledRun last = journal.lastRun().orElseThrow(() -> DrException.badInput("nothing to " + what
                + ": journal " + context.journal().path() + " holds no run"));
        if (!last.runbook().equals(runbook.name())) {
            throw DrException.badInput("cannot " + what + ": the last run in journal " + context.journal().path()
                    + " is of '" + last.runbook() + "', not '" + runbook.name() + "'");
        }
        List<String> ids = runbook.steps().stream().map(RunbookStep::id).toList();
        if (!last.steps().equals(ids)) {
            throw DrException.badInput("cannot " + what + ": runbook '" + runbook.name() + "' changed since the run in "
                    + "journal " + context.journal().path() + " (its steps were " + String.join(", ", last.steps()) + ")");
        }
        return last;
    }

    private void preload(JournaledRun last) {
        synchronized (lock) {
            for (JournaledRun.FinishedStep done : last.finishedSteps().values()) {
                Slot slot = slots.get(done.id());
                slot.report = new StepReport(done.id(), slot.report.type(), slot.report.always(),
                        StepReport.Status.ALREADY_DONE, done.summary(), done.outputs(), null, done.startedAt(),
                        done.finishedAt());
                outputs.put(done.id(), done.outputs());
                slot.recheck = runbook.step(done.id()).stepType().hasPostcondition();
            }
        }
    }

    private void begin(String recordType, Map<String, Object> data) {
        Instant now = context.clock().now();
        journal.append(recordType, runbook.name(), data);
        synchronized (lock) {
            startedAt = now;
            started = true;
        }
    }

    private RunbookResult execute(boolean alwaysOnly) {
        try {
            for (RunbookStep step : runbook.steps()) {
                if (alwaysOnly && !step.always()) {
                    skip(step, "not run: recovering runs only the always-steps");
                } else {
                    runInTurn(step);
                }
            }
        } catch (RuntimeException unexpected) {
            try {
                runPendingAlways();
                complete(alwaysOnly);
            } catch (RuntimeException again) {
                unexpected.addSuppressed(again);
            }
            throw unexpected;
        }
        complete(alwaysOnly);
        return snapshot();
    }

    private void runPendingAlways() {
        runbook.alwaysSteps().forEach(this::runInTurn);
    }

    private void complete(boolean recovery) {
        RunbookResult result = snapshot();
        synchronized (lock) {
            if (completed) {
                return;
            }
            completed = true;
        }
        journal.append(RunJournal.RUN_FINISHED, runbook.name(), Map.of(
                "succeeded", !recovery && result.succeeded(),
                "exitCode", result.exitCode().name(),
                "interrupted", result.interrupted()));
    }

    private void skip(RunbookStep step, String reason) {
        synchronized (lock) {
            Slot slot = slots.get(step.id());
            if (slot.status() == StepReport.Status.PENDING) {
                slot.report = slot.report.withStatus(StepReport.Status.SKIPPED, reason);
            }
        }
    }

    /** What {@link #runInTurn} is to do with a step once it is the step's turn. */
    private enum Turn { NOTHING, RUN, RECHECK }

    /**
     * Runs {@code step} unless it already ran or another thread runs it (then waits for that); skips it if due. A step
     * an earlier attempt finished is first checked against the cloud, when its type says what must hold: it runs
     * again if that does not hold.
     */
    private void runInTurn(RunbookStep step) {
        Slot slot = slots.get(step.id());
        Turn turn = takeTurn(step, slot);
        if (turn == Turn.NOTHING) {
            return;
        }
        StepReport report;
        try {
            if (turn == Turn.RECHECK && !redoIfUnmet(step, slot)) {
                return;
            }
            report = runStep(step);
        } catch (RuntimeException | Error stopped) {
            // an Error is a dying process (the journal keeps the step unfinished); anything else a bug or a journal failure
            ExitCode code = stopped instanceof Error ? ExitCode.FAILED : ExitCode.INTERNAL;
            settle(slot, step, slot.report.stopped("stopped by " + stopped, code, context.clock().now()));
            throw stopped;
        }
        settle(slot, step, report);
    }

    /** Waits while another thread has the step, then takes it (RUNNING, owned by this thread) if there is work. */
    private Turn takeTurn(RunbookStep step, Slot slot) {
        synchronized (lock) {
            while (slot.status() == StepReport.Status.RUNNING && slot.owner != Thread.currentThread()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Turn.NOTHING;
                }
            }
            if (slot.status() == StepReport.Status.ALREADY_DONE && slot.recheck) {
                slot.recheck = false;
                slot.owner = Thread.currentThread();
                slot.report = slot.report.withStatus(StepReport.Status.RUNNING, slot.report.summary());
                return Turn.RECHECK;
            }
            if (slot.status() != StepReport.Status.PENDING || skippedNow(step, slot)) {
                return Turn.NOTHING;
            }
            slot.owner = Thread.currentThread();
            slot.report = slot.report.withStatus(StepReport.Status.RUNNING, null);
            return Turn.RUN;
        }
    }

    /** Marks {@code step} skipped when an earlier step failed or the run was interrupted; under {@link #lock}. */
    private boolean skippedNow(RunbookStep step, Slot slot) {
        if (step.always() || (firstFailedStep == null && !interrupted)) {
            return false;
        }
        slot.report = slot.report.withStatus(StepReport.Status.SKIPPED, firstFailedStep != null
                ? "not run: step '" + firstFailedStep + "' failed" : "not run: the run was interrupted");
        return true;
    }

    /**
     * Checks a step an earlier attempt finished against the cloud. Holds: it stays done, as journaled. Does not hold,
     * or cannot be checked: journaled as such, and true when the step is to run again now (false when it is skipped
     * instead, e.g. an earlier step failed).
     */
    private boolean redoIfUnmet(RunbookStep step, Slot slot) {
        StepReport journaled = slot.report.withStatus(StepReport.Status.ALREADY_DONE, slot.report.summary());
        Optional<String> unmet = unmet(step);
        if (unmet.isEmpty()) {
            journal.append(RunJournal.STEP_CHECKED, step.id(), Map.of("holds", true));
            settle(slot, step, journaled);
            return false;
        }
        journal.append(RunJournal.STEP_CHECKED, step.id(), Map.of("holds", false, "reason", unmet.get()));
        outputs.remove(step.id());
        synchronized (lock) {
            slot.report = StepReport.pending(step).withStatus(StepReport.Status.RUNNING, null);
            if (skippedNow(step, slot)) {
                slot.owner = null;
                lock.notifyAll();
                return false;
            }
        }
        return true;
    }

    /** What of the step's postcondition does not hold in the cloud now; a check that fails counts as not holding. */
    private Optional<String> unmet(RunbookStep step) {
        try {
            return step.stepType().postcondition(step.params()).unmet(actionContext(step, () -> false));
        } catch (RuntimeException cannotTell) {
            return Optional.of("cannot be checked: " + cannotTell.getMessage());
        }
    }

    private void settle(Slot slot, RunbookStep step, StepReport report) {
        synchronized (lock) {
            slot.owner = null;
            slot.report = report;
            if (report.status() == StepReport.Status.FAILED && firstFailedStep == null) {
                firstFailedStep = step.id();
            }
            lock.notifyAll();
        }
    }

    private StepReport runStep(RunbookStep step) {
        Instant startedAt = context.clock().now();
        journal.append(RunJournal.STEP_STARTED, step.id(), Map.of("type", step.type(), "always", step.always()));
        RunbookAction action;
        try {
            action = step.stepType().newAction(step.params());
        } catch (RuntimeException e) {
            return failed(step, "cannot start: " + e, ExitCode.INTERNAL, startedAt, context.clock().now());
        }
        BooleanSupplier stops = step.always() ? () -> false : () -> interrupted;
        ActionStep engineStep = new ActionStep(StepKey.of(runbook.name(), step.id()), step.type(), action,
                actionContext(step, stops), step.effectiveTimeout().orElseThrow(), stops);
        Executor executor = new Executor(context.clock(), context.errorClassifier(),
                new StepEventsOnly(context.progress()), context.executorSettings());
        ExecutionResult execution = executor.run(Plan.of(engineStep));
        StepOutcome outcome = execution.outcome(engineStep.key());
        if (outcome.succeeded()) {
            StepResult.Done done = engineStep.done().orElseThrow();
            // a runbook step's work acts on no single resource: its Done carries its one-line summary there
            String summary = done.resourceId() == null ? done.action().label() : done.resourceId();
            outputs.put(step.id(), done.outputs());
            journal.append(RunJournal.STEP_FINISHED, step.id(), Map.of("summary", summary,
                    "outputs", done.outputs()));
            return new StepReport(step.id(), step.type(), step.always(), StepReport.Status.DONE, summary,
                    done.outputs(), null, outcome.startedAt(), outcome.finishedAt());
        }
        if (engineStep.stoppedByInterrupt()) {
            journal.append(RunJournal.STEP_FAILED, step.id(), Map.of("message", "interrupted", "interrupted", true));
            return new StepReport(step.id(), step.type(), step.always(), StepReport.Status.INTERRUPTED,
                    "interrupted", Map.of(), null, outcome.startedAt(), outcome.finishedAt());
        }
        return failed(step, outcome.message(), outcome.error(), engineStep.failureCode(), outcome.startedAt(),
                outcome.finishedAt());
    }

    private RunActionContext actionContext(RunbookStep step, BooleanSupplier stops) {
        return new RunActionContext(runbook.name(), step.id(), context, journal, outputs, stops);
    }

    private StepReport failed(RunbookStep step, String message, ExitCode exitCode, Instant from, Instant to) {
        return failed(step, message, null, exitCode, from, to);
    }

    /** {@code error}: the AWS error behind the failure, journaled part by part too (for the reports), or null. */
    private StepReport failed(RunbookStep step, String message, ServiceError error, ExitCode exitCode, Instant from,
                              Instant to) {
        String reason = message == null ? "failed" : message;
        Map<String, Object> record = new LinkedHashMap<>(Map.of("message", reason, "exitCode", exitCode.name()));
        if (error != null) {
            record.put("error", JSON.convertValue(error.toJson(), Map.class));
        }
        journal.append(RunJournal.STEP_FAILED, step.id(), record);
        return new StepReport(step.id(), step.type(), step.always(), StepReport.Status.FAILED, reason, Map.of(),
                exitCode, from, to, error);
    }

    private List<String> alwaysDone() {
        synchronized (lock) {
            return slots.values().stream().map(slot -> slot.report)
                    .filter(report -> report.always() && report.finished()).map(StepReport::id).toList();
        }
    }
}
