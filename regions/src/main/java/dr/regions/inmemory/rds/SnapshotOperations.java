package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

import java.util.List;

/** DescribeDBSnapshots and DeleteDBSnapshot (manual snapshots: the final snapshots of deleted instances). */
final class SnapshotOperations {
    private final RdsContext ctx;
    private final RdsView view;

    SnapshotOperations(RdsContext ctx, RdsView view) {
        this.ctx = ctx;
        this.view = view;
    }

    DescribeDbSnapshotsResponse describe(DescribeDbSnapshotsRequest request) {
        List<DbSnapshot> matching;
        if (request.dbSnapshotIdentifier() != null) {
            DbSnapshot snapshot = ctx.snapshot(request.dbSnapshotIdentifier());
            if (!ctx.world.faults().visible(snapshot.arn)) {
                throw RdsErrors.snapshotNotFound(request.dbSnapshotIdentifier());
            }
            matching = List.of(snapshot);
        } else {
            String instance = request.dbInstanceIdentifier() == null ? null
                    : request.dbInstanceIdentifier().toLowerCase();
            matching = ctx.state.snapshots.values().stream()
                    .filter(s -> instance == null || s.instanceIdentifier.equals(instance))
                    .filter(s -> request.snapshotType() == null || s.snapshotType.equals(request.snapshotType()))
                    .toList();
        }
        RdsPage<DbSnapshot> page = RdsPage.of(matching, s -> s.identifier, request.marker(), request.maxRecords());
        return DescribeDbSnapshotsResponse.builder()
                .dbSnapshots(page.items().stream().map(view::snapshot).toList())
                .marker(page.nextMarker())
                .build();
    }

    DeleteDbSnapshotResponse delete(DeleteDbSnapshotRequest request) {
        if (request.dbSnapshotIdentifier() == null || request.dbSnapshotIdentifier().isBlank()) {
            throw RdsErrors.missingParameter("DBSnapshotIdentifier");
        }
        DbSnapshot snapshot = ctx.snapshot(request.dbSnapshotIdentifier());
        if (!snapshot.timeline.stateAt(ctx.now()).equals("available")) {
            throw RdsErrors.invalidSnapshotState("Cannot delete the snapshot because it is not in available state.");
        }
        ctx.state.snapshots.remove(snapshot.identifier);
        DBSnapshot deleted = view.snapshot(snapshot).toBuilder().status("deleted").build();
        return DeleteDbSnapshotResponse.builder().dbSnapshot(deleted).build();
    }
}
