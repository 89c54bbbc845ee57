package dr.regions.cleanup;

import dr.core.model.Tags;
import dr.core.report.CleanupReport.KeptSnapshot;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The final DB snapshots cleanup leaves behind, in each region: manual snapshots named
 * {@code <stack>-...-final-<timestamp>} as cleanup names them, or tagged with the stack (RDS copies an instance's
 * tags to its snapshots). Also finds those a crashed earlier run took, so a resumed run still lists them.
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
                    String id = snapshot.dbSnapshotIdentifier();
                    boolean named = id.startsWith(stack + "-") && id.contains("-final-");
                    boolean tagged = snapshot.tagList().stream()
                            .anyMatch(t -> Tags.STACK.equals(t.key()) && stack.equals(t.value()));
                    if (named || tagged) {
                        kept.add(new KeptSnapshot(region, id, snapshot.dbInstanceIdentifier(), snapshot.status()));
                    }
                }
            } catch (SdkClientException e) {
                // The region is unreachable: the verification names it; there is nothing to list from here.
            }
        }
        return kept;
    }
}
