package dr.core.report.drill;

import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the HTML drill report in headless Chromium (Debian's {@code chromium}): the screenshot is not blank and the
 * timeline's labels are in the rendered DOM. Skipped, saying why, where Chromium is not installed.
 */
class DrillReportChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Instant FAULT = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path temp;

    private static DrillReport report() {
        List<DrillObservation> observations = new ArrayList<>();
        for (int s = 0; s <= 30; s += 10) {
            observations.add(new DrillObservation(FAULT.plusSeconds(s), Phase.FAILOVER,
                    s >= 20 ? Health.UNHEALTHY : Health.HEALTHY, "a.", s >= 20 ? "us-west-2" : "us-east-1", 200,
                    "us-west-2", Duration.ofSeconds(3), List.of()));
        }
        observations.add(new DrillObservation(FAULT.plusSeconds(60), Phase.FAILBACK, Health.HEALTHY, "a.",
                "us-east-1", 200, "us-east-1", Duration.ZERO, List.of()));
        return DrillReport.from(DrillFacts.builder("shop").regions("us-east-1", "us-west-2")
                .fault(DrillFacts.INGRESS, "revoked 4 rules", FAULT).restored(FAULT.plusSeconds(40), "restored")
                .apiName("api.example.com").distributionDomain("app.example.com").healthCheck(10, 2)
                .cloudFrontWorstCase(Duration.ofSeconds(3)).failoverObserved(true).failbackObserved(true)
                .observations(observations).generatedAt(FAULT.plusSeconds(90)).build());
    }

    @Test
    void theHtmlReportRendersInHeadlessChromiumWithItsTimelineLabels() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "skipped: " + CHROMIUM + " is not installed (Debian package 'chromium')";
            System.out.println(DrillReportChromiumTest.class.getSimpleName() + ": " + reason);
            Assumptions.abort(reason);
        }
        Path html = Files.writeString(temp.resolve("drill.html"), DrillReportHtml.render(report()));
        Path screenshot = temp.resolve("drill.png");

        run(List.of("--screenshot=" + screenshot, "--window-size=1100,1400", html.toUri().toString()));
        String dom = run(List.of("--dump-dom", html.toUri().toString()));

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("a screenshot was taken").isNotNull();
        assertThat(colours(image)).as("the screenshot is not blank").isGreaterThan(10);
        assertThat(dom).contains("<svg", "fault injected", "health check unhealthy", "DNS answer flipped",
                "CloudFront serving from DR", "restored", "failback", "RTO target 5m00s");
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--user-data-dir=" + temp.resolve("profile")));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(temp.resolve("chromium.log").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
