package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.ExitCode;
import dr.core.report.drill.DrillReport;
import dr.core.report.drill.DrillReportJson;
import dr.runbooks.RunbookJson;
import dr.runbooks.RunOutcome;
import dr.runbooks.RunbookResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * What {@code dr failover drill} did: the run's result, and the report it wrote (the files, as journaled, and the
 * report itself when this process made it).
 */
public record DrillOutcome(RunbookResult result, Optional<DrillJournal.WrittenReport> written,
        Optional<DrillReport> report) implements RunOutcome {
    /** The report's JSON document with where its files are; the run's outcome when no report was written. */
    public ObjectNode toJson() {
        if (written.isEmpty()) {
            return RunbookJson.result(result);
        }
        return document(written.get(), report);
    }

    /** The report's summary and files; nothing when no report was written (the failure goes to stderr). */
    public void printText(PrintWriter out) {
        written.ifPresent(files -> printReport(out, files));
    }

    /** The summary lines and the three files. */
    static void printReport(PrintWriter out, DrillJournal.WrittenReport files) {
        files.summary().forEach(out::println);
        out.println("Report: " + files.markdown());
        out.println("        " + files.json());
        out.println("        " + files.html());
    }

    /**
     * The report's JSON document, with {@code files}. Made from the report when this process wrote it; read from its
     * file when an earlier process did (a run resumed or recovered after its report step had finished).
     */
    static ObjectNode document(DrillJournal.WrittenReport files, Optional<DrillReport> report) {
        ObjectNode document = report.map(DrillReportJson::toJson).orElseGet(() -> read(files));
        ObjectNode paths = document.putObject("files");
        paths.put("markdown", files.markdown().toString());
        paths.put("json", files.json().toString());
        paths.put("html", files.html().toString());
        return document;
    }

    private static ObjectNode read(DrillJournal.WrittenReport files) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Files.readString(files.json()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + files.json(), e);
        }
    }
}
