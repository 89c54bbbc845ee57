package dr.runbooks;

import dr.core.engine.Journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last runbook run a journal holds, read back from its records: which runbook, which steps it had and which of
 * them finished (with their outputs), whether it finished and succeeded. A run that stopped without finishing its
 * always-steps (the process died) has {@link #pendingAlwaysSteps}: {@link RunbookRunner#recover} runs them.
 */
public record JournaledRun(
        String runbook,
        Instant startedAt,
        List<String> steps,
        List<String> alwaysSteps,
        Map<String, FinishedStep> finishedSteps,
        boolean finished,
        boolean succeeded,
        boolean interrupted) {

    /** A step journaled as finished, with the times and outputs of that attempt. */
    public record FinishedStep(String id, String summary, Map<String, Object> outputs, Instant startedAt,
                               Instant finishedAt) {
    }

    public JournaledRun {
        steps = List.copyOf(steps);
        alwaysSteps = List.copyOf(alwaysSteps);
        finishedSteps = Collections.unmodifiableMap(new LinkedHashMap<>(finishedSteps));
    }

    /** The last run in {@code journal}, if it holds any. */
    public static Optional<JournaledRun> last(Journal journal) {
        return last(journal.readAll());
    }

    /** Always-steps of this run that never finished: the process died before it could run them. */
    public List<String> pendingAlwaysSteps() {
        return alwaysSteps.stream().filter(id -> !finishedSteps.containsKey(id)).toList();
    }

    /** True when {@link RunbookRunner#resume} has something to do: the run did not succeed. */
    public boolean resumable() {
        return !succeeded;
    }

    static Optional<JournaledRun> last(List<Journal.Entry> entries) {
        List<Journal.Entry> run = lastRunEntries(entries);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Journal.Entry start = run.get(0);
        Map<String, Instant> started = new LinkedHashMap<>();
        Map<String, FinishedStep> finishedSteps = new LinkedHashMap<>();
        boolean finished = false;
        boolean succeeded = false;
        boolean interrupted = false;
        for (Journal.Entry entry : run) {
            switch (entry.type()) {
                case RunJournal.STEP_STARTED -> started.put(entry.key(), entry.time());
                case RunJournal.STEP_FINISHED -> finishedSteps.put(entry.key(), new FinishedStep(entry.key(),
                        String.valueOf(entry.data().getOrDefault("summary", "")), outputs(entry),
                        started.get(entry.key()), entry.time()));
                case RunJournal.STEP_CHECKED -> {
                    if (!Boolean.TRUE.equals(entry.data().get("holds"))) {
                        finishedSteps.remove(entry.key()); // the cloud says it is not done, whatever was journaled
                    }
                }
                case RunJournal.RUN_INTERRUPTED -> interrupted = true;
                case RunJournal.RUN_FINISHED -> {
                    finished = true;
                    succeeded = Boolean.TRUE.equals(entry.data().get("succeeded"));
                }
                case RunJournal.RUN_RESUMED, RunJournal.RUN_RECOVERING -> {
                    finished = false;
                    succeeded = false;
                }
                default -> {
                }
            }
        }
        return Optional.of(new JournaledRun(start.key(), start.time(), texts(start.data().get("steps")),
                texts(start.data().get("always")), finishedSteps, finished, succeeded, interrupted));
    }

    /** The records from the last {@code runbook-started} on; empty when there is none. */
    static List<Journal.Entry> lastRunEntries(List<Journal.Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).type().equals(RunJournal.RUN_STARTED)) {
                return entries.subList(i, entries.size());
            }
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Journal.Entry entry) {
        Object outputs = entry.data().get("outputs");
        return outputs instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
    }
}
