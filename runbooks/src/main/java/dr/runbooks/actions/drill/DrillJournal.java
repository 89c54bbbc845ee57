package dr.runbooks.actions.drill;

import dr.core.engine.Journal;
import dr.regions.drill.SavedIngress;
import dr.regions.drill.SavedNetwork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a drill's journal says, for the commands around a run: the report the last run wrote, and what a restore would
 * put back. Reads the journal file only; no AWS call.
 */
public final class DrillJournal {
    private final Journal journal;

    /** The report files of a run and its verdict, with the summary lines for the terminal. */
    public record WrittenReport(String verdict, Path markdown, Path json, Path html, List<String> summary) {
    }

    public DrillJournal(Journal journal) {
        this.journal = journal;
    }

    public Optional<WrittenReport> lastReport() {
        List<Journal.Entry> reports = DrillRecords.lastRun(journal, DrillRecords.REPORT);
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        var data = reports.get(reports.size() - 1).data();
        List<String> summary = new ArrayList<>();
        if (data.get("summary") instanceof List<?> lines) {
            lines.forEach(line -> summary.add(String.valueOf(line)));
        }
        return Optional.of(new WrittenReport(String.valueOf(data.get("verdict")),
                Path.of(String.valueOf(data.get("markdown"))), Path.of(String.valueOf(data.get("json"))),
                Path.of(String.valueOf(data.get("html"))), summary));
    }

    /** One line per fault the last run saved, e.g. {@code ingress: 4 rules of sg-0a (sg-alb-web), ...}. */
    public List<String> savedFaults() {
        List<String> lines = new ArrayList<>();
        for (Journal.Entry entry : DrillRecords.lastRun(journal, DrillRecords.FAULT_SAVED)) {
            String kind = String.valueOf(entry.data().get("kind"));
            if (FaultKind.INGRESS.label().equals(kind)) {
                SavedIngress saved = SavedIngress.fromMap(DrillRecords.map(entry.data().get("ingress")));
                lines.add("ingress: re-authorize the missing ones of " + saved.ruleCount() + " HTTP/HTTPS rules of "
                        + saved.describe());
            } else if (FaultKind.NETWORK.label().equals(kind)) {
                SavedNetwork saved = SavedNetwork.fromMap(DrillRecords.map(entry.data().get("network")));
                lines.add("network: move back to their saved network ACLs the subnets " + saved.describe()
                        + ", then delete the drill's deny-all ACL");
            } else {
                lines.add(kind + ": set Inverted=" + entry.data().get("inverted") + " on the health check "
                        + entry.data().get("healthCheckId"));
            }
        }
        return lines;
    }
}
