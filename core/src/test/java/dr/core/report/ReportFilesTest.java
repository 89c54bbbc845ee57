package dr.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTest {
    @TempDir
    Path dir;

    private static Map<String, String> report(String text) {
        Map<String, String> contents = new LinkedHashMap<>();
        contents.put("md", text);
        contents.put("json", "{}");
        return contents;
    }

    @Test
    void aSecondReportWithTheSameNameIsWrittenBesideTheFirstNeverOverIt() throws IOException {
        Map<String, Path> first = ReportFiles.write(dir, "cleanup-shop-20260101-000000", report("first"));
        Map<String, Path> second = ReportFiles.write(dir, "cleanup-shop-20260101-000000", report("second"));
        Map<String, Path> third = ReportFiles.write(dir, "cleanup-shop-20260101-000000", report("third"));

        assertThat(Files.readString(first.get("md"))).isEqualTo("first");
        assertThat(second.get("md").getFileName()).hasToString("cleanup-shop-20260101-000000-2.md");
        assertThat(Files.readString(second.get("md"))).isEqualTo("second");
        assertThat(third.get("json").getFileName()).hasToString("cleanup-shop-20260101-000000-3.json");
    }
}
