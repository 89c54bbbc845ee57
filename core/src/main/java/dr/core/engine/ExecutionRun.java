package dr.core.engine;

import dr.core.clock.Clock;
import dr.core.engine.ErrorClassifier.Kind;
import dr.core.engine.StepOutcome.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One execution of a plan: the event loop and the state of every step. Used once, by {@link Executor}. */
final class ExecutionRun {
    private final Plan plan;
    private final Clock clock;
    private final ErrorClassifier classifier;
    private final ProgressListener listener;
    private final ExecutorSettings settings;
    private final Random jitter;
    private final RecentCreates creates;
    private final Map<StepKey, StepOutcome> finished = new HashMap<>();
    private final Map<StepKey, StepRun> runs = new HashMap<>();
    /** In topological order, so steps due at the same instant run in a fixed order. */
    private final List<StepRun> ordered = new ArrayList<>();
    private int unfinished;

    ExecutionRun(Plan plan, Clock clock, ErrorClassifier classifier, ProgressListener listener,
                 ExecutorSettings settings) {
        this.plan = plan;
        this.clock = clock;
        this.classifier = classifier;
        this.listener = listener;
        this.settings = settings;
        this.jitter = new Random(settings.seed());
        this.creates = new RecentCreates(plan, settings.notFoundWindow());
        RunState state = new RunState();
        for (Step step : plan.topologicalOrder()) {
            StepRun run = new StepRun(step, new RunContext(clock, plan, step.key(), finished, creates, state));
            runs.put(step.key(), run);
            ordered.add(run);
        }
        this.unfinished = ordered.size();
    }

    ExecutionResult execute() {
        Instant startedAt = clock.now();
        listener.planStarted(plan);
        plan.roots().forEach(root -> makeDue(runs.get(root.key()), startedAt));
        while (unfinished > 0) {
            Instant now = clock.now();
            List<StepRun> due = ordered.stream().filter(run -> run.isDue(now)).toList();
            if (due.isEmpty()) {
                waitForNextPoll(now);
            } else {
                due.forEach(this::poll);
            }
        }
        List<StepOutcome> outcomes = plan.steps().stream().map(step -> finished.get(step.key())).toList();
        ExecutionResult result = new ExecutionResult(outcomes, startedAt, clock.now());
        listener.planFinished(result);
        return result;
    }

    private void waitForNextPoll(Instant now) {
        Instant earliest = ordered.stream().filter(run -> run.state == StepRun.State.DUE)
                .map(run -> run.nextPoll).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("no step can run but " + unfinished + " are unfinished"));
        Duration tick = settings.progressTick();
        Instant until = !tick.isZero() && now.plus(tick).isBefore(earliest) ? now.plus(tick) : earliest;
        clock.waitUntil(until);
        listener.tick();
    }

    private void poll(StepRun run) {
        if (run.startedAt == null) {
            run.startedAt = clock.now();
            listener.stepStarted(run.key());
        }
        StepResult result;
        try {
            result = run.step.execute(run.context);
        } catch (Exception error) {
            retryOrFail(run, error);
            return;
        }
        if (result instanceof StepResult.Done done) {
            succeed(run, done);
        } else if (result instanceof StepResult.Waiting waiting) {
            keepWaiting(run, waiting);
        } else if (result instanceof StepResult.Failed failure) {
            fail(run, failure.message(), failure.error());
        } else {
            fail(run, "step returned no result");
        }
    }

    private void keepWaiting(StepRun run, StepResult.Waiting waiting) {
        Instant now = clock.now();
        run.consecutiveErrors = 0;
        if (!now.isBefore(run.deadline())) {
            fail(run, timedOut(run, "last status: " + waiting.status()));
            return;
        }
        run.pollInterval = run.pollInterval == null ? settings.firstPoll() : settings.nextPoll(run.pollInterval);
        Duration pollAfter = waiting.pollAfter() == null ? Duration.ZERO : waiting.pollAfter();
        run.scheduleAfter(now, pollAfter.compareTo(run.pollInterval) > 0 ? pollAfter : run.pollInterval);
        listener.stepStatus(run.key(), waiting.status(), run.elapsed(now));
    }

    private void retryOrFail(StepRun run, Exception error) {
        Kind kind = classifier.classify(error);
        RetryPolicy policy = settings.retryPolicy(kind);
        run.consecutiveErrors++;
        String reason = classifier.describe(error);
        ServiceError serviceError = classifier.serviceError(error).orElse(null);
        if (kind == Kind.NOT_YET_VISIBLE && !creates.explainsNotFound(run.key(), clock.now())) {
            fail(run, reason, serviceError);
            return;
        }
        if (!policy.allows(run.consecutiveErrors)) {
            fail(run, kind == Kind.FATAL ? reason : reason + " (gave up after " + policy.maxRetries() + " retries)",
                    serviceError);
            return;
        }
        Instant now = clock.now();
        if (!now.isBefore(run.deadline())) {
            fail(run, timedOut(run, "last error: " + reason), serviceError);
            return;
        }
        Duration delay = policy.delay(run.consecutiveErrors, jitter);
        run.retries++;
        run.scheduleAfter(now, delay);
        listener.stepRetry(run.key(), reason, delay);
    }

    private String timedOut(StepRun run, String detail) {
        return "timed out after " + DurationFormat.compact(run.step.timeout()) + " (" + detail + ")";
    }

    private void succeed(StepRun run, StepResult.Done done) {
        if (done.action() == null) {
            fail(run, "step returned Done without an action");
            return;
        }
        Instant now = clock.now();
        if (done.action() == Action.CREATE) {
            creates.record(run.key(), now);
        }
        StepOutcome outcome = new StepOutcome(run.key(), run.step.resourceType(), done.action(), done.resourceId(),
                done.textOutputs(), Status.DONE, null, run.startedAt, now, run.attempts());
        finish(run, outcome);
        listener.stepDone(outcome);
        for (StepKey dependent : plan.dependents(run.key())) {
            boolean ready = plan.dependencies(dependent).stream().allMatch(this::isDone);
            if (ready) {
                makeDue(runs.get(dependent), now);
            }
        }
    }

    private void fail(StepRun run, String message) {
        fail(run, message, null);
    }

    private void fail(StepRun run, String message, ServiceError error) {
        Instant now = clock.now();
        StepOutcome outcome = new StepOutcome(run.key(), run.step.resourceType(), run.step.plannedAction(), null,
                Map.of(), Status.FAILED, message == null ? "failed" : message, run.startedAt, now, run.attempts(),
                error);
        finish(run, outcome);
        listener.stepFailed(outcome);
        for (StepKey dependent : plan.transitiveDependents(run.key())) {
            StepRun skipped = runs.get(dependent);
            if (skipped.state != StepRun.State.FINISHED) {
                skip(skipped, run.key(), now);
            }
        }
    }

    private void skip(StepRun run, StepKey failedDependency, Instant now) {
        StepOutcome outcome = new StepOutcome(run.key(), run.step.resourceType(), Action.SKIP, null, Map.of(),
                Status.SKIPPED, "not run: " + failedDependency + " failed", null, now, 0);
        finish(run, outcome);
        listener.stepSkipped(outcome);
    }

    private void finish(StepRun run, StepOutcome outcome) {
        run.state = StepRun.State.FINISHED;
        finished.put(run.key(), outcome);
        unfinished--;
    }

    private void makeDue(StepRun run, Instant now) {
        run.state = StepRun.State.DUE;
        run.nextPoll = now;
    }

    private boolean isDone(StepKey key) {
        StepOutcome outcome = finished.get(key);
        return outcome != null && outcome.status() == Status.DONE;
    }
}
