package dr.runbooks;

import dr.core.engine.Journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's records in the run's {@link Journal}. Appends are serialized here because the shutdown hook may
 * journal always-steps on its own thread while the main thread is still journaling.
 */
final class RunJournal {
    static final String RUN_STARTED = "runbook-started";
    static final String RUN_RESUMED = "runbook-resumed";
    static final String RUN_RECOVERING = "runbook-recovering";
    static final String RUN_INTERRUPTED = "runbook-interrupted";
    static final String RUN_FINISHED = "runbook-finished";
    static final String STEP_STARTED = "step-started";
    static final String STEP_FINISHED = "step-finished";
    static final String STEP_FAILED = "step-failed";
    /** A resume's check of a step an earlier attempt finished: {@code holds}, and {@code reason} when it does not. */
    static final String STEP_CHECKED = "step-checked";
    static final Set<String> RESERVED = Set.of(RUN_STARTED, RUN_RESUMED, RUN_RECOVERING, RUN_INTERRUPTED, RUN_FINISHED,
            STEP_STARTED, STEP_FINISHED, STEP_FAILED, STEP_CHECKED);

    private final Journal journal;

    RunJournal(Journal journal) {
        this.journal = journal;
    }

    void append(String type, String key, Map<String, Object> data) {
        synchronized (journal) {
            journal.append(type, key, data);
        }
    }

    /** The records of the journal's last run (the current one, once a run has started), oldest first. */
    List<Journal.Entry> currentRun() {
        synchronized (journal) {
            return JournaledRun.lastRunEntries(journal.readAll());
        }
    }

    Optional<JournaledRun> lastRun() {
        synchronized (journal) {
            return JournaledRun.last(journal.readAll());
        }
    }
}
