package dr.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.output.Printer;
import dr.cli.runtime.CommandContext;
import dr.core.DrException;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunbookResult;
import dr.runbooks.actions.drill.DrillJournal;
import dr.runbooks.step.Durations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/** What {@code dr failover drill} and {@code dr failover restore} print: the report's summary and paths, or its JSON. */
final class DrillOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DrillOutput() {
    }

    /** {@code --timeout 10m}: null when not given; bad input when not a duration. */
    static Duration duration(String option, String value) {
        if (value == null) {
            return null;
        }
        return Durations.parse(value).orElseThrow(() -> DrException.badInput(option + " " + value
                + ": not a duration (e.g. 90s, 10m, 1h30m)"));
    }

    /** The summary lines and the three files, on stdout. */
    static void printText(CommandContext context, DrillJournal.WrittenReport report) {
        report.summary().forEach(context.out()::println);
        context.out().println("Report: " + report.markdown());
        context.out().println("        " + report.json());
        context.out().println("        " + report.html());
    }

    /** The report's JSON document as written, with where its files are. */
    static void printJson(CommandContext context, DrillJournal.WrittenReport report) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(Files.readString(report.json()));
            ObjectNode files = document.putObject("files");
            files.put("markdown", report.markdown().toString());
            files.put("json", report.json().toString());
            files.put("html", report.html().toString());
            Printer.json(context, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + report.json(), e);
        }
    }

    /** The run's report when it wrote one, else its outcome; then the failure, if any, on stderr. */
    static void print(CommandContext context, RunbookResult result, Optional<DrillJournal.WrittenReport> report) {
        if (context.output().json()) {
            if (report.isPresent()) {
                printJson(context, report.get());
            } else {
                Printer.json(context, RunbookJson.result(result));
            }
        } else if (report.isPresent()) {
            printText(context, report.get());
        }
    }
}
