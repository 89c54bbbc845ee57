package dr.cli.options;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --report DIR}, on the commands that leave report files: where they go, {@code ./dr-reports} by default. */
public final class ReportOption {
    public static final String DEFAULT_DIRECTORY = "dr-reports";

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where the report files go: Markdown and JSON, and HTML for a drill (default: ./"
                    + DEFAULT_DIRECTORY + ").")
    Path directory;

    /** The directory given, or the default, against {@code workingDirectory}. */
    public Path resolveAgainst(Path workingDirectory) {
        return workingDirectory.resolve(directory == null ? Path.of(DEFAULT_DIRECTORY) : directory);
    }
}
