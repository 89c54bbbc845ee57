package dr.core.engine;

import dr.core.clock.Clock;

import java.util.Objects;

/**
 * Runs a {@link Plan}: an event loop on the injected clock, single-threaded and therefore deterministic. Every step
 * whose dependencies are done runs as soon as it is due; a waiting step is polled again with backoff; when nothing
 * is due the loop waits on the clock for the earliest next poll, so on a virtual clock independent steps overlap in
 * modeled time and a 40-minute provision takes milliseconds. Errors thrown by a step are retried or fail the step
 * as the {@link ErrorClassifier} says; a failed step's dependents are skipped while independent steps finish.
 * A {@link java.lang.Error} thrown by a step (e.g. a simulated crash) propagates out of {@link #run} untouched.
 */
public final class Executor {
    private final Clock clock;
    private final ErrorClassifier classifier;
    private final ProgressListener listener;
    private final ExecutorSettings settings;

    public Executor(Clock clock, ErrorClassifier classifier, ProgressListener listener) {
        this(clock, classifier, listener, ExecutorSettings.defaults());
    }

    public Executor(Clock clock, ErrorClassifier classifier, ProgressListener listener, ExecutorSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ExecutionResult run(Plan plan) {
        return new ExecutionRun(plan, clock, classifier, listener, settings).execute();
    }
}
