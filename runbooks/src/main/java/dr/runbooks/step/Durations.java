package dr.runbooks.step;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as runbooks write them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2h}. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** The duration {@code text} names, or empty when it is not of the form {@code 1h30m}, {@code 10m}, {@code 90s}. */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches() || matcher.group(0).isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.ofHours(part(matcher, 1))
                    .plusMinutes(part(matcher, 2))
                    .plusSeconds(part(matcher, 3));
            return Optional.of(duration);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The shortest form {@link #parse} reads back: {@code 1h30m}, {@code 10m}, {@code 1m30s}, {@code 0s}. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    private static long part(Matcher matcher, int group) {
        String value = matcher.group(group);
        return value == null ? 0 : Long.parseLong(value);
    }
}
