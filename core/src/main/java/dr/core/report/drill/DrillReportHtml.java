package dr.core.report.drill;

import dr.core.engine.DurationFormat;
import dr.core.report.drill.DrillReport.Milestone;
import dr.core.report.drill.DrillReport.TierResult;

import java.time.Duration;

import static dr.core.report.drill.DrillTimelineSvg.xml;

/**
 * The drill report as one self-contained HTML file to open in a browser or attach to a ticket: styles inline, the
 * timeline an inline SVG ({@link DrillTimelineSvg}), no script, no font, no image, no link to anything: it fetches
 * nothing from the network.
 */
public final class DrillReportHtml {
    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2em auto;
                   max-width: 1000px; color: #212121; padding: 0 1em; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #cfd8dc; padding-bottom: 0.2em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #cfd8dc; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eceff1; }
            .verdict { display: inline-block; padding: 4px 12px; border-radius: 4px; color: #fff; font-weight: bold; }
            .PASSED { background: #2e7d32; } .FAILED { background: #c62828; }
            .INCOMPLETE, .NOT_RUN { background: #757575; }
            .met { color: #2e7d32; font-weight: bold; } .missed { color: #c62828; font-weight: bold; }
            .muted { color: #757575; }
            svg.timeline { max-width: 100%; height: auto; border: 1px solid #cfd8dc; }
            #milestones td:nth-child(2), #failback td:nth-child(2) { white-space: nowrap; }
            """;

    private DrillReportHtml() {
    }

    public static String render(DrillReport report) {
        DrillFacts facts = report.facts();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Failover drill: ").append(xml(facts.stack())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Failover drill: ").append(xml(facts.stack())).append("</h1>\n");
        html.append("<p><span class=\"verdict ").append(report.verdict().name()).append("\" id=\"verdict\">")
                .append(report.verdict().label()).append("</span> against an RTO target of <strong>")
                .append(DurationFormat.compact(facts.rtoTarget())).append("</strong>; ")
                .append(xml(facts.primaryRegion())).append(" (primary) → ").append(xml(facts.drRegion()))
                .append(" (DR); fault: ").append(xml(facts.fault() == null ? "none injected" : facts.fault()))
                .append("</p>\n");
        if (!report.reasons().isEmpty()) {
            html.append("<ul>\n");
            report.reasons().forEach(r -> html.append("<li>").append(xml(r)).append("</li>\n"));
            html.append("</ul>\n");
        }

        html.append("<h2>RTO per tier</h2>\n<table id=\"tiers\">\n<tr><th>tier</th><th>RTO</th><th>target</th>"
                + "<th>result</th></tr>\n");
        for (TierResult tier : report.tiers()) {
            String rto = !tier.expected() ? "n/a" : tier.measured() ? DurationFormat.compact(tier.rto()) : "not observed";
            String result = !tier.expected() ? "<span class=\"muted\">not measured: " + xml(tier.note()) + "</span>"
                    : tier.met() ? "<span class=\"met\">met</span>"
                    : "<span class=\"missed\">missed</span>" + (tier.note() == null ? "" : " " + xml(tier.note()));
            html.append("<tr><td>").append(xml(tier.label())).append("</td><td>").append(rto).append("</td><td>")
                    .append(DurationFormat.compact(facts.rtoTarget())).append("</td><td>").append(result)
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (facts.rpo() != null) {
            html.append("<h2>RPO observed</h2>\n<p id=\"rpo\">").append(xml(facts.rpo().describe()))
                    .append(": what a promotion at that moment would have lost.</p>\n");
        }
        report.dnsClientVisible().ifPresent(visible -> html.append("<p id=\"client-visible\">Client-visible DNS "
                + "failover: ").append(xml(visible.describe())).append(". Resolvers may keep the old answer for the "
                + "record's TTL; the target is judged on the authoritative answer.</p>\n"));
        if (facts.fault() != null && !facts.faultLimits().isEmpty()) {
            html.append("<h2>What the fault does not cover</h2>\n<ul id=\"fault-limits\">\n");
            facts.faultLimits().forEach(limit -> html.append("<li>").append(xml(limit)).append("</li>\n"));
            html.append("</ul>\n");
        }

        html.append("<h2>Timeline</h2>\n").append(DrillTimelineSvg.render(report));
        html.append("<table id=\"milestones\">\n<tr><th>since fault</th><th>time (UTC)</th><th>event</th>"
                + "<th>detail</th></tr>\n");
        report.chronological().forEach(m -> milestoneRow(html, m));
        if (facts.rpo() != null) {
            html.append("<tr id=\"rpo-line\"><td>while faulted</td><td>").append(xml(String.valueOf(
                    facts.rpo().maxDuringAt() == null ? "-" : facts.rpo().maxDuringAt()))).append("</td><td>RPO</td><td>")
                    .append(xml(facts.rpo().describe())).append("</td></tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>Failback</h2>\n<table id=\"failback\">\n<tr><th>since restore</th><th>time (UTC)</th>"
                + "<th>event</th><th>detail</th></tr>\n");
        report.failbackChronological().forEach(m -> milestoneRow(html, m));
        html.append("</table>\n");
        if (facts.restoreSummary() != null) {
            html.append("<p>Restore: ").append(xml(facts.restoreSummary())).append("</p>\n");
        }

        html.append("<h2>Modeled figures</h2>\n<ul>\n");
        if (facts.modeledDetection() != null) {
            html.append("<li>Route 53 detection: request interval ").append(facts.healthCheckIntervalSeconds())
                    .append(" s × failure threshold ").append(facts.healthCheckFailureThreshold()).append(" = <strong>")
                    .append(DurationFormat.compact(facts.modeledDetection())).append("</strong></li>\n");
        }
        if (facts.cloudFrontWorstCase() != null) {
            html.append("<li>CloudFront worst case per request on a dead primary origin: <strong>")
                    .append(DurationFormat.compact(facts.cloudFrontWorstCase())).append("</strong></li>\n");
        }
        html.append("<li>Measured times are as fine as the polling interval.</li>\n</ul>\n");

        html.append("<h2>Preflight</h2>\n");
        if (facts.preflightProblems().isEmpty()) {
            html.append("<p>Passed.</p>\n");
        } else {
            html.append("<p>").append(facts.forced() ? "Not ready, run anyway with --force:" : "Not ready:")
                    .append("</p>\n<ul>\n");
            facts.preflightProblems().forEach(p -> html.append("<li>").append(xml(p)).append("</li>\n"));
            html.append("</ul>\n");
        }

        html.append("<h2>Observations</h2>\n<table id=\"observations\">\n<tr><th>since fault</th><th>phase</th>"
                + "<th>health check</th><th>DNS answer</th><th>CloudFront</th><th>notes</th></tr>\n");
        for (DrillObservation o : facts.observations()) {
            String since = facts.faultInjectedAt() == null ? ""
                    : DrillReportMarkdown.offset(Duration.between(facts.faultInjectedAt(), o.at()));
            String dns = o.dnsRegion() == null ? "—" : o.dnsRegion() + (o.dnsAnswer() == null ? ""
                    : " (" + o.dnsAnswer() + ")");
            String edge = o.edgeStatus() == null ? "—" : o.edgeStatus() + (o.edgeRegion() == null ? ""
                    : " from " + o.edgeRegion()) + (o.edgeElapsed() == null ? ""
                    : " in " + DurationFormat.compact(o.edgeElapsed()));
            html.append("<tr><td>").append(since).append("</td><td>").append(o.phase().label()).append("</td><td>")
                    .append(o.healthCheck() == null ? "—" : o.healthCheck().label()).append("</td><td>")
                    .append(xml(dns)).append("</td><td>").append(xml(edge)).append("</td><td>")
                    .append(xml(String.join("; ", o.notes()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (!facts.notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n<ul>\n");
            facts.notes().forEach(n -> html.append("<li>").append(xml(n)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p class=\"muted\">Generated by dr at ").append(facts.generatedAt()).append(".</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void milestoneRow(StringBuilder html, Milestone m) {
        html.append("<tr><td>").append(m.observed() ? DrillReportMarkdown.offset(m.offset()) : "—").append("</td><td>")
                .append(m.at() == null ? "—" : m.at().toString()).append("</td><td>").append(xml(m.label()))
                .append("</td><td>").append(xml(m.detail() == null ? "" : m.detail())).append("</td></tr>\n");
    }
}
