package dr.regions.cleanup;

import dr.core.report.CleanupReport.KeptSnapshot;
import dr.core.report.SnapshotPurgeReport;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dr cleanup --purge-snapshots}: removes the final DB snapshots this stack's commands kept (exactly those
 * {@link KeptSnapshots} finds: cleanup's and retired databases', of this stack's instances), and nothing else. Idempotent
 * and resumable: a snapshot already gone counts as removed, a re-run finds only what is left; the report's last word
 * is a fresh look at the cloud. The CLI confirms with the operator between {@link #candidates()} and
 * {@link #purge(List)}.
 */
public final class SnapshotPurge {
    private final AwsClients clients;
    private final String stack;
    private final List<String> regions;

    public SnapshotPurge(AwsClients clients, String stack, List<String> regions) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.stack = Objects.requireNonNull(stack, "stack");
        this.regions = List.copyOf(regions);
    }

    /** What a purge would remove, read only (the {@code --dry-run} answer). */
    public List<KeptSnapshot> candidates() {
        return KeptSnapshots.find(clients, stack, regions);
    }

    public SnapshotPurgeReport dryRun() {
        return new SnapshotPurgeReport(stack, true, candidates(), Map.of(), List.of());
    }

    /** Deletes {@code approved} (as {@link #candidates()} listed them), then looks again. */
    public SnapshotPurgeReport purge(List<KeptSnapshot> approved) {
        Map<String, String> failed = new LinkedHashMap<>();
        List<KeptSnapshot> removed = approved.stream().filter(snapshot -> {
            try {
                clients.rds(snapshot.region()).deleteDBSnapshot(r -> r.dbSnapshotIdentifier(snapshot.identifier()));
                return true;
            } catch (AwsServiceException e) {
                if (AwsErrors.isGone(e)) {
                    return true;
                }
                failed.put(snapshot.identifier(), AwsErrors.code(e) + ": " + AwsErrors.message(e));
                return false;
            }
        }).toList();
        return new SnapshotPurgeReport(stack, false, removed, failed, candidates());
    }
}
