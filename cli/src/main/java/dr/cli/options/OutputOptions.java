package dr.cli.options;

import dr.cli.runtime.Environment;
import dr.cli.runtime.OutputSettings;
import dr.cli.runtime.OutputSettings.Format;
import dr.cli.runtime.OutputSettings.Verbosity;
import dr.core.DrException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;

/** Output format and verbosity. Inherited by every command. */
public final class OutputOptions {
    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            converter = FormatConverter.class, completionCandidates = FormatCandidates.class,
            description = "text (default) or json: exactly one JSON document on stdout, errors included.")
    Format format;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No ANSI colors (also when the NO_COLOR variable is set).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: every step as it runs.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Only errors and the final result.")
    boolean quiet;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On error, also print the stack trace (for bug reports).")
    boolean stacktrace;

    /** As parsed so far, without checks: what the error reporter needs even when the input is bad. */
    public boolean json() {
        return format == Format.JSON;
    }

    public boolean stacktrace() {
        return stacktrace;
    }

    public OutputSettings settings(Environment environment) {
        if (verbose && quiet) {
            throw DrException.badInput("-v/--verbose and -q/--quiet cannot be used together");
        }
        Verbosity verbosity = verbose ? Verbosity.VERBOSE : quiet ? Verbosity.QUIET : Verbosity.NORMAL;
        boolean color = !noColor && environment.variable("NO_COLOR").isEmpty();
        return new OutputSettings(format == null ? Format.TEXT : format, color, verbosity, stacktrace);
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format format : Format.values()) {
                if (format.optionValue().equals(value)) {
                    return format;
                }
            }
            throw new TypeConversionException("expected text or json, got '" + value + "'");
        }
    }

    static final class FormatCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Format.TEXT.optionValue(), Format.JSON.optionValue()).iterator();
        }
    }
}
