package dr.runbooks.actions.drill;

import dr.core.engine.Journal;
import dr.runbooks.step.ActionContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal records a drill writes, by type. Each is forced to disk before the drill goes on, so the drill can be
 * restored and reported from the journal alone, by this process (Ctrl-C) or by the next ({@code dr failover restore}).
 */
public final class DrillRecords {
    /** The stack's parts the drill works on (a {@code DrillTopology}), recorded once per run. */
    public static final String TOPOLOGY = "drill-topology";
    /** {@code problems} found by the preflight, and {@code forced}. */
    public static final String PREFLIGHT = "drill-preflight";
    /** What the fault is about to change, exactly: written BEFORE the change; what restore puts back. */
    public static final String FAULT_SAVED = "drill-fault-saved";
    /** The fault took effect: {@code kind}, {@code description}; its time is the drill's time zero. */
    public static final String FAULT_INJECTED = "drill-fault-injected";
    /** One poll: a {@code DrillObservation}. */
    public static final String OBSERVATION = "drill-observation";
    /** An observation step ended: {@code phase}, {@code complete} (false: timed out), {@code timeoutSeconds}. */
    public static final String OBSERVE_FINISHED = "drill-observe-finished";
    /** The fault was undone: {@code kind}, {@code summary}. */
    public static final String RESTORED = "drill-restored";
    /** The report was written: {@code markdown}, {@code json}, {@code html}, {@code verdict}, {@code summary}. */
    public static final String REPORT = "drill-report";

    /** The runner's record that starts a run ({@code RunJournal.RUN_STARTED}): a journal's last run begins there. */
    static final String RUN_STARTED = "runbook-started";

    private DrillRecords() {
    }

    static Optional<Journal.Entry> last(ActionContext context, String type) {
        List<Journal.Entry> records = context.records(type);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** The records of {@code type} of the journal's last run, oldest first (for callers outside a run). */
    public static List<Journal.Entry> lastRun(Journal journal, String type) {
        List<Journal.Entry> entries = journal.readAll();
        int start = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).type().equals(RUN_STARTED)) {
                start = i;
                break;
            }
        }
        return entries.subList(start, entries.size()).stream().filter(e -> e.type().equals(type)).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
