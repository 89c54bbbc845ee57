package dr.core.report.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a drill report as {@code drill-<stack>-<yyyyMMdd-HHmmss>.md}, {@code .json} and {@code .html} into a
 * directory (created when missing), named after the time of the fault (else the time of the report).
 */
public final class DrillReportWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the three files went. */
    public record Written(Path markdown, Path json, Path html) {
    }

    private DrillReportWriter() {
    }

    public static Written write(DrillReport report, Path directory) {
        DrillFacts facts = report.facts();
        String base = "drill-" + facts.stack() + "-" + STAMP.format(facts.faultInjectedAt() != null
                ? facts.faultInjectedAt() : facts.generatedAt());
        try {
            Files.createDirectories(directory);
            Path markdown = Files.writeString(directory.resolve(base + ".md"), DrillReportMarkdown.render(report),
                    StandardCharsets.UTF_8);
            Path json = Files.writeString(directory.resolve(base + ".json"),
                    JSON.writeValueAsString(DrillReportJson.toJson(report)) + "\n", StandardCharsets.UTF_8);
            Path html = Files.writeString(directory.resolve(base + ".html"), DrillReportHtml.render(report),
                    StandardCharsets.UTF_8);
            return new Written(markdown.toAbsolutePath(), json.toAbsolutePath(), html.toAbsolutePath());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the drill report into " + directory, e);
        }
    }
}
