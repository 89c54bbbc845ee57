package dr.regions.cleanup;

import dr.core.model.Tags;
import dr.core.report.CleanupReport.KeptSnapshot;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseRoles;
import dr.regions.database.FinalSnapshotNames;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The final DB snapshots the stack's own commands leave behind, in each region: manual snapshots named as cleanup, or
 * a reprotect or failback deleting retired databases, names them ({@link FinalSnapshotNames}), of a DB instance of
 * this stack: tagged with the stack (RDS copies the instance's tags to its snapshots, CopyTagsToSnapshot, which dr
 * sets on every database it makes, its read replicas included, promotion sets on a replica made before, and both
 * deleting commands set before they delete), or, untagged (a database deleted before that), of the stack's own
 * instance names. The tag wins: a snapshot tagged with another stack is not this stack's, whatever its name, and nor
 * is one named alike by someone else. Also finds those a crashed earlier run took, so a resumed run still lists them;
 * {@code cleanup --purge-snapshots} removes exactly these.
 */
final class KeptSnapshots {
    private KeptSnapshots() {
    }

    static List<KeptSnapshot> find(AwsClients clients, String stack, List<String> regions) {
        List<KeptSnapshot> kept = new ArrayList<>();
        for (String region : regions) {
            try {
                for (DBSnapshot snapshot : clients.rds(region).describeDBSnapshotsPaginator(r -> r.snapshotType("manual"))
                        .dbSnapshots()) {
                    if (madeByCleanup(snapshot, stack)) {
                        kept.add(new KeptSnapshot(region, snapshot.dbSnapshotIdentifier(),
                                snapshot.dbInstanceIdentifier(), snapshot.status(),
                                snapshot.allocatedStorage() == null ? 0 : snapshot.allocatedStorage()));
                    }
                }
            } catch (SdkClientException e) {
                // The region is unreachable: the verification names it; there is nothing to list from here.
            }
        }
        return kept;
    }

    static boolean madeByCleanup(DBSnapshot snapshot, String stack) {
        String instance = snapshot.dbInstanceIdentifier();
        if (instance == null || !FinalSnapshotNames.isFinalSnapshotOf(snapshot.dbSnapshotIdentifier(), instance)) {
            return false;
        }
        Map<String, String> tags = snapshot.tagList().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> a));
        if (tags.containsKey(Tags.STACK)) {
            return stack.equals(tags.get(Tags.STACK));
        }
        return DatabaseRoles.isStackDatabase(stack, instance);
    }
}
