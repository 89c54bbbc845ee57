package dr.cli.runtime;

/** How a command writes: text or one JSON document, colors, how much detail, stack traces on error. */
public record OutputSettings(Format format, boolean color, Verbosity verbosity, boolean stacktrace) {
    public enum Format {
        TEXT, JSON;

        public String optionValue() {
            return name().toLowerCase();
        }
    }

    public enum Verbosity {
        QUIET, NORMAL, VERBOSE
    }

    public boolean json() {
        return format == Format.JSON;
    }
}
