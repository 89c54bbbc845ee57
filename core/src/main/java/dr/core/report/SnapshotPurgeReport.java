package dr.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.report.CleanupReport.KeptSnapshot;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What {@code dr cleanup --purge-snapshots} did: the kept snapshots it removed (or, in a dry run, would remove), those
 * RDS refused to remove and why, and what a fresh look found still kept afterwards, with its monthly cost.
 */
public record SnapshotPurgeReport(String stack, boolean dryRun, List<KeptSnapshot> removed,
                                  Map<String, String> failed, List<KeptSnapshot> stillKept) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SnapshotPurgeReport {
        removed = List.copyOf(removed);
        failed = Map.copyOf(failed);
        stillKept = List.copyOf(stillKept);
    }

    public boolean succeeded() {
        return failed.isEmpty() && (dryRun || stillKept.isEmpty());
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", stack);
        root.put("dryRun", dryRun);
        ArrayNode gone = root.putArray(dryRun ? "wouldRemove" : "removed");
        removed.forEach(snapshot -> gone.add(snapshot.toJson()));
        root.put((dryRun ? "wouldSave" : "saved") + "MonthlyUsd", Math.round(CleanupReport.monthlyUsd(removed) * 100)
                / 100.0);
        ObjectNode failures = root.putObject("failed");
        failed.forEach(failures::put);
        ArrayNode kept = root.putArray("stillKept");
        stillKept.forEach(snapshot -> kept.add(snapshot.toJson()));
        root.put("priceSource", SnapshotStoragePrice.SOURCE);
        return root;
    }

    public void printText(PrintWriter out) {
        String verb = dryRun ? "would remove" : "removed";
        out.println("Kept snapshots of stack " + stack + ": " + verb + " " + removed.size() + " (about "
                + SnapshotStoragePrice.usd(CleanupReport.monthlyUsd(removed)) + "/month)");
        removed.forEach(k -> out.println("  " + verb + " " + k.identifier() + " in " + k.region() + ": " + k.cost()));
        failed.forEach((id, why) -> out.println("  FAILED  " + id + ": " + why));
        if (dryRun) {
            out.println("Dry run: nothing was removed.");
        } else if (stillKept.isEmpty()) {
            out.println("Verified: no snapshot kept by a cleanup of stack " + stack + " remains.");
        } else {
            out.println("Still kept: " + stillKept.size() + " snapshot(s); run the same command again to resume.");
        }
    }
}
