package dr.core.report.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;
import dr.core.report.drill.DrillReport.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DrillReportTest {
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";
    private static final Instant FAULT = Instant.parse("2026-01-01T10:00:00Z");

    /** Polls every 10 s from the fault: DNS flips at +20 s, CloudFront serves from DR from the first poll (3 s). */
    private static List<DrillObservation> failoverThenFailback(Instant restoredAt) {
        List<DrillObservation> observations = new ArrayList<>();
        for (int s = 0; s <= 30; s += 10) {
            boolean flipped = s >= 20;
            observations.add(new DrillObservation(FAULT.plusSeconds(s), Phase.FAILOVER,
                    flipped ? Health.UNHEALTHY : Health.HEALTHY, "primary-alb.", flipped ? DR : PRIMARY, 200, DR,
                    Duration.ofSeconds(3), List.of()));
        }
        if (restoredAt != null) {
            for (int s = 0; s <= 20; s += 10) {
                boolean back = s >= 20;
                observations.add(new DrillObservation(restoredAt.plusSeconds(s), Phase.FAILBACK,
                        back ? Health.HEALTHY : Health.UNHEALTHY, "x.", back ? PRIMARY : DR, 200, PRIMARY,
                        Duration.ZERO, List.of()));
            }
        }
        return observations;
    }

    private static DrillFacts.Builder drill() {
        Instant restored = FAULT.plusSeconds(31);
        return DrillFacts.builder("shop").regions(PRIMARY, DR)
                .fault(DrillFacts.INGRESS, "revoked 4 rules", FAULT)
                .restored(restored, "re-authorized 4 rules")
                .apiName("api.example.com").distributionDomain("d111.cloudfront.net")
                .healthCheck(10, 2).cloudFrontWorstCase(Duration.ofSeconds(3))
                .failoverObserved(true).failbackObserved(true)
                .observations(failoverThenFailback(restored))
                .generatedAt(restored.plusSeconds(60));
    }

    @Nested
    class Verdicts {
        @Test
        void bothTiersWithinTheTargetPass() {
            DrillReport report = DrillReport.from(drill().rtoTarget(Duration.ofMinutes(5)).build());

            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
            assertThat(report.tier("dns").orElseThrow().rto()).isEqualTo(Duration.ofSeconds(20));
            assertThat(report.tier("web").orElseThrow().rto()).as("first poll plus the request's 3 s on the dead origin")
                    .isEqualTo(Duration.ofSeconds(3));
            assertThat(report.milestone(DrillReport.HEALTH_CHECK_UNHEALTHY).orElseThrow().offset())
                    .isEqualTo(Duration.ofSeconds(20));
            assertThat(report.failback()).filteredOn(m -> m.label().equals(DrillReport.FAILBACK)).singleElement()
                    .satisfies(m -> assertThat(m.offset()).isEqualTo(Duration.ofSeconds(20)));
        }

        @Test
        void aTierOverTheTargetFailsAndSaysWhich() {
            DrillReport report = DrillReport.from(drill().rtoTarget(Duration.ofSeconds(10)).build());

            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(report.tier("dns").orElseThrow().met()).isFalse();
            assertThat(report.tier("web").orElseThrow().met()).isTrue();
            assertThat(report.reasons()).singleElement().asString().contains("DNS tier", "20s", "over the target of 10s");
        }

        @Test
        void noFailoverWithinTheTimeoutFails() {
            List<DrillObservation> healthyOnly = List.of(new DrillObservation(FAULT.plusSeconds(5), Phase.FAILOVER,
                    Health.HEALTHY, "a.", PRIMARY, 200, PRIMARY, Duration.ZERO, List.of()));
            DrillFacts facts = DrillFacts.builder("shop").regions(PRIMARY, DR).fault(DrillFacts.INGRESS, "x", FAULT)
                    .apiName("api.example.com").distributionDomain("d.cloudfront.net").failoverObserved(true)
                    .observeTimeout(Duration.ofMinutes(10)).observations(healthyOnly).generatedAt(FAULT).build();

            DrillReport report = DrillReport.from(facts);

            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(report.reasons()).singleElement().asString().contains("no failover seen within 10m");
        }

        @Test
        void aDrillInterruptedBeforeFailoverIsIncompleteNotFailed() {
            DrillFacts facts = DrillFacts.builder("shop").regions(PRIMARY, DR).fault(DrillFacts.INGRESS, "x", FAULT)
                    .restored(FAULT.plusSeconds(4), "re-authorized").apiName("api.example.com").interrupted(true)
                    .generatedAt(FAULT.plusSeconds(5)).build();

            DrillReport report = DrillReport.from(facts);

            assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
            assertThat(report.reasons()).singleElement().asString().contains("interrupted");
        }

        @Test
        void withoutAFaultThereIsNothingToJudge() {
            DrillReport report = DrillReport.from(DrillFacts.builder("shop").regions(PRIMARY, DR)
                    .generatedAt(FAULT).build());

            assertThat(report.verdict()).isEqualTo(Verdict.NOT_RUN);
        }

        @Test
        void anInvertedHealthCheckMeasuresOnlyTheDnsTier() {
            DrillFacts facts = drill().fault(DrillFacts.HEALTH_CHECK, "inverted", FAULT).build();

            DrillReport report = DrillReport.from(facts);

            assertThat(report.tier("web").orElseThrow().expected()).isFalse();
            assertThat(report.tier("web").orElseThrow().note()).contains("does not move CloudFront");
            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        }

        @Test
        void withoutADomainOnlyTheWebTierIsMeasured() {
            DrillFacts facts = drill().apiName(null).build();

            DrillReport report = DrillReport.from(facts);

            assertThat(report.tier("dns").orElseThrow().expected()).isFalse();
            assertThat(report.tier("dns").orElseThrow().note()).contains("no domain");
            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    @Nested
    class Renderings {
        private final DrillReport report = DrillReport.from(drill().build());

        @Test
        void theHtmlIsOneSelfContainedFileWithAnSvgTimelineOfEveryMilestone() {
            String html = DrillReportHtml.render(report);

            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "</svg>", "RTO target 5m", "PASSED");
            String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
            assertThat(svg).contains(">fault injected<", ">health check unhealthy<", ">DNS answer flipped<",
                    ">CloudFront serving from DR<", ">restored<", ">failback<", "DNS tier RTO 20s", "Web tier RTO 3s");
            assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).as("nothing fetched from the network")
                    .doesNotContain("http://", "https://", "<script", "<link", "<img", "@import", "url(");
        }

        @Test
        void unobservedMilestonesAreDrawnAsNotObserved() {
            DrillFacts facts = DrillFacts.builder("shop").regions(PRIMARY, DR).fault(DrillFacts.INGRESS, "x", FAULT)
                    .apiName("api.example.com").generatedAt(FAULT.plusSeconds(5)).build();

            String svg = DrillTimelineSvg.render(DrillReport.from(facts));

            assertThat(svg).contains(">DNS answer flipped<", "not observed");
        }

        @Test
        void theJsonCarriesTheVerdictTheRtoPerTierAndTheModeledFigures() throws Exception {
            JsonNode json = new ObjectMapper().readTree(DrillReportJson.toJson(report).toString());

            assertThat(json.get("verdict").asText()).isEqualTo("PASSED");
            assertThat(json.get("rtoTargetSeconds").asLong()).isEqualTo(300);
            assertThat(json.get("tiers").get(0).get("rtoSeconds").asLong()).isEqualTo(20);
            assertThat(json.get("modeled").get("detectionSeconds").asLong()).isEqualTo(20);
            assertThat(json.get("modeled").get("cloudFrontWorstCasePerRequestSeconds").asLong()).isEqualTo(3);
            assertThat(json.get("observations")).hasSize(7);
        }

        @Test
        void theMarkdownHasTheTiersTheTimelineAndTheModeledFigures() {
            String md = DrillReportMarkdown.render(report);

            assertThat(md).contains("# Failover drill: shop", "**PASSED**", "| +20s |", "DNS answer flipped",
                    "request interval 10 s × failure threshold 2 = 20s", "CloudFront worst case per request: 3s");
        }

        @Test
        void theWriterPutsThreeFilesNamedAfterTheFault(@TempDir Path dir) throws Exception {
            DrillReportWriter.Written written = DrillReportWriter.write(report, dir.resolve("reports"));

            assertThat(written.markdown()).hasFileName("drill-shop-20260101-100000.md").exists();
            assertThat(written.json()).exists();
            assertThat(Files.readString(written.html())).contains("<svg");
        }
    }

    @Test
    void observationsRoundTripThroughTheJournalForm() {
        DrillObservation observation = new DrillObservation(FAULT, Phase.FAILBACK, Health.UNKNOWN, "a.", PRIMARY,
                504, null, Duration.ofMillis(3500), List.of("CloudFront: no origin answered"));

        assertThat(DrillObservation.fromMap(observation.toMap())).isEqualTo(observation);
    }
}
