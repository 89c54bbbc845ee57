package dr.core.report.drill;

import dr.core.report.ReportFiles;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a drill report as {@code drill-<stack>-<yyyyMMdd-HHmmss>.md}, {@code .json} and {@code .html} into a
 * directory (created when missing), named after the time of the fault (else the time of the report).
 */
public final class DrillReportWriter {
    /** Where the three files went. */
    public record Written(Path markdown, Path json, Path html) {
    }

    private DrillReportWriter() {
    }

    public static Written write(DrillReport report, Path directory) {
        DrillFacts facts = report.facts();
        String base = ReportFiles.base("drill", facts.stack(), facts.faultInjectedAt() != null
                ? facts.faultInjectedAt() : facts.generatedAt());
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("md", DrillReportMarkdown.render(report));
        contents.put("json", ReportFiles.json(DrillReportJson.toJson(report)));
        contents.put("html", DrillReportHtml.render(report));
        Map<String, Path> written = ReportFiles.write(directory, base, contents);
        return new Written(written.get("md"), written.get("json"), written.get("html"));
    }
}
