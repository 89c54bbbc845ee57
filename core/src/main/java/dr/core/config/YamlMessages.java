package dr.core.config;

import com.fasterxml.jackson.core.JsonLocation;

/** What the YAML readers (stack config, runbooks) say about where and what went wrong in a file. */
public final class YamlMessages {
    private YamlMessages() {
    }

    /** The 1-based line of {@code location}; 0 when the parser knows none. */
    public static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** The first line of a parser's or the file system's message, for a one-line error. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
