package dr.core.engine;

import java.time.Duration;
import java.util.Locale;

/**
 * Short human durations for progress lines and summaries: {@code 2.5s}, {@code 45s}, {@code 12m30s},
 * {@code 1h02m05s}. Tenths of a second only below ten seconds (retry delays); negative durations print as zero.
 */
public final class DurationFormat {
    private DurationFormat() {
    }

    public static String compact(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", hours, minutes, secs);
        }
        if (minutes > 0) {
            return String.format(Locale.ROOT, "%dm%02ds", minutes, secs);
        }
        if (secs < 10 && duration.getNano() > 0 && !duration.isNegative()) {
            return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
        }
        return secs + "s";
    }
}
