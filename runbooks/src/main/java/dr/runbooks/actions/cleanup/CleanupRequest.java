package dr.runbooks.actions.cleanup;

import java.util.List;

/**
 * What {@code dr cleanup} is asked to do.
 *
 * @param stack             the stack whose tagged resources go
 * @param regions           the regions the caller located the stack in
 * @param skipFinalSnapshot delete the primary database without the final snapshot otherwise kept
 * @param dryRun            list what would go, delete nothing
 */
public record CleanupRequest(String stack, List<String> regions, boolean skipFinalSnapshot, boolean dryRun) {
    public CleanupRequest {
        regions = List.copyOf(regions);
    }
}
