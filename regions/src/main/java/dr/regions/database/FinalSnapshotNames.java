package dr.regions.database;

import java.util.regex.Pattern;

/**
 * The names of the final DB snapshots dr's own commands request when they delete a database: cleanup's
 * {@code <db instance>-final-<yyyyMMddHHmmss>}, and {@code <db instance>-retired} for a database a reprotect or
 * failback retired and was asked to delete ({@code --delete-old-databases}). One place, so that what cleanup lists and
 * {@code cleanup --purge-snapshots} removes is exactly what those commands made.
 */
public final class FinalSnapshotNames {
    private FinalSnapshotNames() {
    }

    /** Cleanup's final snapshot of {@code instance}, {@code suffix} being the run's time stamp (yyyyMMddHHmmss). */
    public static String cleanup(String instance, String suffix) {
        return instance + "-final-" + suffix;
    }

    /** The final snapshot of a retired database deleted by reprotect or failback. */
    public static String retired(String instance) {
        return instance + "-retired";
    }

    /** Whether {@code snapshot} is named as one of the above, of DB instance {@code instance}. */
    public static boolean isFinalSnapshotOf(String snapshot, String instance) {
        return snapshot.matches(Pattern.quote(instance) + "-(final-\\d{14}|retired)");
    }
}
