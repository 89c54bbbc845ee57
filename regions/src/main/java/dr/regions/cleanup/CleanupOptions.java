package dr.regions.cleanup;

/**
 * How cleanup treats what it deletes. {@code skipFinalSnapshot}: delete the primary database without the final
 * snapshot that is otherwise taken and kept ({@code --skip-final-snapshot}).
 */
public record CleanupOptions(boolean skipFinalSnapshot) {
    public static CleanupOptions defaults() {
        return new CleanupOptions(false);
    }
}
