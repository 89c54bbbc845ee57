package dr.core.config;

/**
 * How an error message quotes a value the user gave: whole when short, cut with its length when long, so that a
 * mistaken megabyte in a config file is not echoed back whole.
 */
public final class Shown {
    /** The most characters of a value an error message repeats. */
    public static final int MAX_QUOTED = 256;

    private Shown() {
    }

    /** {@code 'value'}, or {@code 'first 256 characters...' (1048576 characters)} for a long one. */
    public static String quoted(String value) {
        if (value.length() <= MAX_QUOTED) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_QUOTED) + "...' (" + value.length() + " characters)";
    }
}
