package dr.regions.promotion;

import dr.core.engine.StepResult;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseLayout;
import dr.regions.database.DatabaseRoles;
import dr.regions.database.FinalSnapshotNames;
import dr.regions.database.RoleTag;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of one region that are no longer the stack's writer or replica (the old primary a promotion left, the
 * DR writer a failback replaced): each gets the recorded role {@link DatabaseRoles#RETIRED}, so that no command takes
 * it for a writer again. They are kept as they are (with their data: the old primary may hold writes that never
 * reached DR) unless the operator asked to remove them: then deletion protection is turned off, CopyTagsToSnapshot
 * on (so that {@code dr cleanup} finds the snapshot by the stack's tag, lists its cost and can purge it), and each is
 * deleted with a final snapshot {@code <id>-retired} ({@link FinalSnapshotNames}). A re-run looks again and does
 * only what is left.
 */
public final class RetiredDatabases {
    static final Duration POLL = Duration.ofSeconds(30);

    private final StackSpec spec;
    private final AwsClients clients;
    private final RegionRole regionRole;
    private final boolean delete;

    public RetiredDatabases(StackSpec spec, AwsClients clients, RegionRole regionRole, boolean delete) {
        this.spec = spec;
        this.clients = clients;
        this.regionRole = regionRole;
        this.delete = delete;
    }

    public StepResult ensure() {
        DatabaseLayout layout = DatabaseLayout.read(spec, clients);
        List<DBInstance> old = layout.others().stream().filter(p -> p.regionRole() == regionRole)
                .map(DatabaseLayout.Placed::db).toList();
        List<String> retired = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (DBInstance db : old) {
            if (RoleTag.record(rds(), db, DatabaseRoles.RETIRED)) {
                retired.add(db.dbInstanceIdentifier());
            }
            if (delete) {
                deleteStep(db).ifPresent(waiting::add);
            }
        }
        if (!waiting.isEmpty()) {
            return StepResult.waiting(String.join(", ", waiting), POLL);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("region", spec.region(regionRole));
        outputs.put("databases", old.stream().map(DBInstance::dbInstanceIdentifier).toList());
        outputs.put("retiredNow", retired);
        outputs.put("deleted", delete);
        String names = old.isEmpty() ? "none" : String.join(", ", old.stream().map(DBInstance::dbInstanceIdentifier)
                .toList());
        return StepResult.ran("old databases in " + spec.region(regionRole) + ": " + names
                + (old.isEmpty() ? "" : delete ? " (deleting, final snapshot <id>-retired)" : " (kept, tagged retired)"),
                outputs);
    }

    /** The next call the deletion needs, or empty once RDS is deleting it. */
    private java.util.Optional<String> deleteStep(DBInstance db) {
        String id = db.dbInstanceIdentifier();
        if (!"available".equals(db.dbInstanceStatus())) {
            return java.util.Optional.of(id + " " + db.dbInstanceStatus());
        }
        if (Boolean.TRUE.equals(db.deletionProtection()) || !Boolean.TRUE.equals(db.copyTagsToSnapshot())) {
            // DeleteDBInstance takes no tags: the final snapshot carries the stack's only through CopyTagsToSnapshot
            rds().modifyDBInstance(r -> r.dbInstanceIdentifier(id).deletionProtection(false).copyTagsToSnapshot(true)
                    .applyImmediately(true));
            return java.util.Optional.of(id + ": turning deletion protection off, tag copy to snapshots on");
        }
        rds().deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(false)
                .finalDBSnapshotIdentifier(FinalSnapshotNames.retired(id)));
        return java.util.Optional.empty();
    }

    private RdsClient rds() {
        return clients.rds(spec.region(regionRole));
    }

}
