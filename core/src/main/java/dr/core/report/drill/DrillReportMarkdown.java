package dr.core.report.drill;

import dr.core.engine.DurationFormat;
import dr.core.report.drill.DrillReport.Milestone;
import dr.core.report.drill.DrillReport.TierResult;

import java.time.Duration;
import java.time.Instant;

/** The drill report as Markdown: verdict, RTO per tier, timeline, failback, the modeled figures, every poll. */
public final class DrillReportMarkdown {
    private DrillReportMarkdown() {
    }

    public static String render(DrillReport report) {
        DrillFacts facts = report.facts();
        StringBuilder md = new StringBuilder();
        md.append("# Failover drill: ").append(facts.stack()).append("\n\n");
        md.append("**").append(report.verdict().label()).append("** against an RTO target of ")
                .append(DurationFormat.compact(facts.rtoTarget())).append(".\n\n");
        report.reasons().forEach(reason -> md.append("- ").append(cell(reason)).append('\n'));
        if (!report.reasons().isEmpty()) {
            md.append('\n');
        }
        md.append("| | |\n|---|---|\n");
        row(md, "Regions", facts.primaryRegion() + " (primary) → " + facts.drRegion() + " (DR)");
        row(md, "Fault", facts.fault() == null ? "none injected" : facts.fault() + ": " + orDash(facts.faultDescription()));
        row(md, "Injected at", time(facts.faultInjectedAt()));
        row(md, "Restored at", time(facts.restoredAt()) + (facts.restoreSummary() == null ? ""
                : " (" + facts.restoreSummary() + ")"));
        row(md, "DNS name observed", orDash(facts.apiName()));
        row(md, "CloudFront name observed", orDash(facts.distributionDomain()));
        row(md, "Report generated", time(facts.generatedAt()));
        md.append('\n');

        md.append("## RTO per tier\n\n| tier | RTO | target | result |\n|---|---|---|---|\n");
        for (TierResult tier : report.tiers()) {
            String rto = !tier.expected() ? "n/a" : tier.measured() ? DurationFormat.compact(tier.rto()) : "not observed";
            String result = !tier.expected() ? "not measured: " + tier.note() : tier.met() ? "met" : "missed"
                    + (tier.note() == null ? "" : ": " + tier.note());
            md.append("| ").append(cell(tier.label())).append(" | ").append(rto).append(" | ")
                    .append(DurationFormat.compact(facts.rtoTarget())).append(" | ").append(cell(result)).append(" |\n");
        }
        md.append('\n');
        if (facts.rpo() != null) {
            DrillRpo rpo = facts.rpo();
            md.append("## RPO observed\n\n| figure | value | at |\n|---|---|---|\n");
            md.append("| replica lag before the fault | ").append(cell(DrillRpo.figure(rpo.lagBeforeSeconds(),
                    rpo.before()))).append(" | ").append(time(rpo.lagBeforeAt())).append(" |\n");
            md.append("| max replica lag while the fault was in place | ").append(cell(DrillRpo.figure(
                    rpo.maxDuringSeconds(), rpo.during()))).append(" | ").append(time(rpo.maxDuringAt()))
                    .append(" |\n\n");
            md.append("ReplicaLag of ").append(cell(rpo.dbInstance())).append(", read in ").append(rpo.region())
                    .append(": what a promotion at that moment would have lost.\n\n");
        }
        report.dnsClientVisible().ifPresent(visible -> md.append("Client-visible DNS failover: ")
                .append(visible.describe()).append(". Resolvers may keep the old answer for the record's TTL; the "
                        + "target is judged on the authoritative answer.\n\n"));
        if (facts.fault() != null && !facts.faultLimits().isEmpty()) {
            md.append("## What the fault does not cover\n\n");
            facts.faultLimits().forEach(limit -> md.append("- ").append(cell(limit)).append('\n'));
            md.append('\n');
        }

        md.append("## Timeline\n\n| since fault | time | event | detail |\n|---|---|---|---|\n");
        for (Milestone m : report.chronological()) {
            milestoneRow(md, m);
        }
        md.append('\n');

        md.append("## Failback\n\n| since restore | time | event | detail |\n|---|---|---|---|\n");
        for (Milestone m : report.failbackChronological()) {
            milestoneRow(md, m);
        }
        md.append('\n');

        md.append("## Modeled figures\n\n");
        if (facts.modeledDetection() != null) {
            md.append("- Route 53 detection: request interval ").append(facts.healthCheckIntervalSeconds())
                    .append(" s × failure threshold ").append(facts.healthCheckFailureThreshold()).append(" = ")
                    .append(DurationFormat.compact(facts.modeledDetection()))
                    .append(" before the health check can turn unhealthy.\n");
        } else {
            md.append("- Route 53 detection: unknown (no health check found).\n");
        }
        if (facts.cloudFrontWorstCase() != null) {
            md.append("- CloudFront worst case per request: ")
                    .append(DurationFormat.compact(facts.cloudFrontWorstCase()))
                    .append(" (origin connection timeout × attempts) spent on the dead primary before the DR origin"
                            + " answers.\n");
        }
        md.append("- Measured times are as fine as the polling interval.\n\n");

        md.append("## Preflight\n\n");
        if (facts.preflightProblems().isEmpty()) {
            md.append("Passed.\n\n");
        } else {
            md.append(facts.forced() ? "Not ready, run anyway with --force:\n\n" : "Not ready:\n\n");
            facts.preflightProblems().forEach(p -> md.append("- ").append(cell(p)).append('\n'));
            md.append('\n');
        }

        md.append("## Observations\n\n| since fault | phase | health check | DNS answer | CloudFront | notes |\n")
                .append("|---|---|---|---|---|---|\n");
        for (DrillObservation o : facts.observations()) {
            String since = facts.faultInjectedAt() == null ? "" : offset(Duration.between(facts.faultInjectedAt(), o.at()));
            String dns = o.dnsRegion() == null ? "—" : o.dnsRegion() + (o.dnsAnswer() == null ? "" : " (" + o.dnsAnswer() + ")");
            String edge = o.edgeStatus() == null ? "—" : o.edgeStatus() + (o.edgeRegion() == null ? ""
                    : " from " + o.edgeRegion()) + (o.edgeElapsed() == null ? ""
                    : " in " + DurationFormat.compact(o.edgeElapsed()));
            md.append("| ").append(since).append(" | ").append(o.phase().label()).append(" | ")
                    .append(o.healthCheck() == null ? "—" : o.healthCheck().label()).append(" | ").append(cell(dns))
                    .append(" | ").append(cell(edge)).append(" | ").append(cell(String.join("; ", o.notes())))
                    .append(" |\n");
        }
        if (!facts.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            facts.notes().forEach(n -> md.append("- ").append(cell(n)).append('\n'));
        }
        return md.toString();
    }

    private static void milestoneRow(StringBuilder md, Milestone m) {
        md.append("| ").append(m.observed() ? offset(m.offset()) : "—").append(" | ").append(time(m.at()))
                .append(" | ").append(m.label()).append(" | ").append(cell(orDash(m.detail()))).append(" |\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    static String offset(Duration duration) {
        return duration == null ? "—" : (duration.isNegative() ? "-" : "+") + DurationFormat.compact(duration.abs());
    }

    private static String time(Instant time) {
        return time == null ? "—" : time.toString();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** A table cell: pipes escaped, one line. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }
}
