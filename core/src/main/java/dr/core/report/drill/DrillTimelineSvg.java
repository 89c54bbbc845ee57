package dr.core.report.drill;

import dr.core.engine.DurationFormat;
import dr.core.report.drill.DrillReport.Milestone;
import dr.core.report.drill.DrillReport.TierResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drill's timeline as an inline SVG: one lane per milestone (fault injected, health check unhealthy, DNS answer
 * flipped, CloudFront serving from DR, restored, failback) with its marker at the time it was seen, a lane with every
 * poll, one bar per tier from the fault to its failover (green within the target, red over it), and a dashed line at
 * fault + RTO target. One lane per label keeps labels from overlapping whatever the times are. Plain SVG 1.1: no
 * script, no external reference.
 */
public final class DrillTimelineSvg {
    static final int WIDTH = 960;
    private static final int LABEL_X = 12;
    private static final int PLOT_LEFT = 280;
    private static final int PLOT_RIGHT = 930;
    private static final int TOP = 44;
    private static final int LANE = 28;
    private static final long[] TICK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
    private static final String MET = "#2e7d32";
    private static final String MISSED = "#c62828";
    private static final String MARKER = "#1565c0";

    private DrillTimelineSvg() {
    }

    public static String render(DrillReport report) {
        DrillFacts facts = report.facts();
        Scale scale = Scale.of(report);
        List<Milestone> lanes = report.milestones();
        List<TierResult> tiers = report.tiers().stream().filter(TierResult::expected).toList();
        int pollLane = lanes.size();
        int rows = lanes.size() + 1 + tiers.size();
        int axisY = TOP + rows * LANE + 8;
        int height = axisY + 40;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"sans-serif\""
                        + " font-size=\"13\">\n");
        svg.append("<title id=\"timeline-title\">Failover drill timeline of stack ").append(xml(facts.stack()))
                .append("</title>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");

        for (int i = 0; i < rows; i++) {
            int y = laneY(i);
            if (i % 2 == 0) {
                svg.append("<rect x=\"0\" y=\"").append(y - LANE / 2).append("\" width=\"").append(WIDTH)
                        .append("\" height=\"").append(LANE).append("\" fill=\"#f5f7fa\"/>\n");
            }
        }
        Instant fault = facts.faultInjectedAt();
        if (fault != null) {
            double targetX = scale.x(fault.plus(facts.rtoTarget()));
            svg.append("<line class=\"rto-target\" x1=\"").append(fmt(targetX)).append("\" y1=\"").append(TOP - 18)
                    .append("\" x2=\"").append(fmt(targetX)).append("\" y2=\"").append(axisY)
                    .append("\" stroke=\"").append(MISSED).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
            svg.append(text(targetX, TOP - 24, "RTO target " + DurationFormat.compact(facts.rtoTarget()), "middle",
                    "rto-target-label", MISSED));
        }

        for (int i = 0; i < lanes.size(); i++) {
            Milestone m = lanes.get(i);
            int y = laneY(i);
            svg.append(text(LABEL_X, y + 4, m.label(), "start", "milestone-label", "#212121"));
            if (m.observed()) {
                double x = scale.x(m.at());
                svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(fmt(x)).append("\" y2=\"").append(axisY).append("\" stroke=\"#b0bec5\""
                                + " stroke-dasharray=\"2 3\"/>\n");
                svg.append("<circle class=\"milestone\" cx=\"").append(fmt(x)).append("\" cy=\"").append(y)
                        .append("\" r=\"6\" fill=\"").append(MARKER).append("\"><title>").append(xml(m.label()))
                        .append(" at ").append(m.at()).append(m.detail() == null ? "" : ": " + xml(m.detail()))
                        .append("</title></circle>\n");
                String offset = fault == null ? "" : DrillReportMarkdown.offset(Duration.between(fault, m.at()));
                boolean right = x < PLOT_RIGHT - 80;
                svg.append(text(right ? x + 10 : x - 10, y + 4, offset, right ? "start" : "end", "offset", "#455a64"));
            } else {
                svg.append(text(PLOT_LEFT, y + 4, "not observed" + (m.detail() == null ? "" : ": " + m.detail()),
                        "start", "missing", "#9e9e9e"));
            }
        }

        int pollY = laneY(pollLane);
        svg.append(text(LABEL_X, pollY + 4, "polls (" + facts.observations().size() + ")", "start", "poll-label",
                "#212121"));
        for (DrillObservation o : facts.observations()) {
            String color = facts.drRegion() != null && (facts.drRegion().equals(o.dnsRegion())
                    || facts.drRegion().equals(o.edgeRegion())) ? "#ef6c00" : "#78909c";
            svg.append("<circle class=\"poll\" cx=\"").append(fmt(scale.x(o.at()))).append("\" cy=\"").append(pollY)
                    .append("\" r=\"3\" fill=\"").append(color).append("\"/>\n");
        }

        for (int i = 0; i < tiers.size(); i++) {
            TierResult tier = tiers.get(i);
            int y = laneY(pollLane + 1 + i);
            String name = tier.key().equals("dns") ? "DNS tier RTO" : "Web tier RTO";
            svg.append(text(LABEL_X, y + 4, name + " " + (tier.measured() ? DurationFormat.compact(tier.rto())
                    : "not observed"), "start", "tier-label", "#212121"));
            if (fault != null && tier.measured()) {
                double from = scale.x(fault);
                double to = Math.max(from + 2, scale.x(fault.plus(tier.rto())));
                svg.append("<rect class=\"tier-bar\" x=\"").append(fmt(from)).append("\" y=\"").append(y - 7)
                        .append("\" width=\"").append(fmt(to - from)).append("\" height=\"14\" rx=\"3\" fill=\"")
                        .append(tier.met() ? MET : MISSED).append("\"><title>").append(xml(tier.label())).append(": ")
                        .append(DurationFormat.compact(tier.rto())).append(tier.met() ? " (met)" : " (missed)")
                        .append("</title></rect>\n");
                svg.append(text(to + 6, y + 4, tier.met() ? "met" : "missed", "start", "tier-result",
                        tier.met() ? MET : MISSED));
            }
        }

        svg.append("<line class=\"axis\" x1=\"").append(PLOT_LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"")
                .append(PLOT_RIGHT).append("\" y2=\"").append(axisY).append("\" stroke=\"#37474f\"/>\n");
        for (long tick : scale.ticks()) {
            double x = scale.xSeconds(tick);
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(axisY).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(axisY + 5).append("\" stroke=\"#37474f\"/>\n");
            svg.append(text(x, axisY + 18, DrillReportMarkdown.offset(Duration.ofSeconds(tick)), "middle", "tick",
                    "#37474f"));
        }
        svg.append(text(LABEL_X, axisY + 18, fault == null ? "time" : "time since the fault", "start", "axis-label",
                "#37474f"));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int laneY(int lane) {
        return TOP + lane * LANE + LANE / 2;
    }

    private static String text(double x, double y, String content, String anchor, String cssClass, String color) {
        return "<text class=\"" + cssClass + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor
                + "\" fill=\"" + color + "\">" + xml(content) + "</text>\n";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Seconds since the origin (the fault, else the first observation) to x, over everything the SVG shows. */
    private record Scale(Instant origin, long startSeconds, long endSeconds) {
        static Scale of(DrillReport report) {
            DrillFacts facts = report.facts();
            List<Instant> times = new ArrayList<>();
            facts.observations().forEach(o -> times.add(o.at()));
            report.milestones().stream().filter(Milestone::observed).forEach(m -> times.add(m.at()));
            Instant origin = facts.faultInjectedAt() != null ? facts.faultInjectedAt()
                    : times.stream().min(Instant::compareTo).orElse(facts.generatedAt());
            if (facts.faultInjectedAt() != null) {
                times.add(origin.plus(facts.rtoTarget()));
            }
            long start = Math.min(0, times.stream().mapToLong(t -> Duration.between(origin, t).getSeconds())
                    .min().orElse(0));
            long end = times.stream().mapToLong(t -> Duration.between(origin, t).getSeconds()).max().orElse(60);
            end = Math.max(end, start + 10);
            end += Math.max(1, (end - start) / 20);
            return new Scale(origin, start, end);
        }

        double x(Instant time) {
            return xSeconds(Duration.between(origin, time).toMillis() / 1000.0);
        }

        double xSeconds(double seconds) {
            return PLOT_LEFT + (seconds - startSeconds) * (PLOT_RIGHT - PLOT_LEFT) / (endSeconds - startSeconds);
        }

        List<Long> ticks() {
            long span = endSeconds - startSeconds;
            long step = TICK_STEPS[TICK_STEPS.length - 1];
            for (long candidate : TICK_STEPS) {
                if (span / candidate <= 8) {
                    step = candidate;
                    break;
                }
            }
            List<Long> ticks = new ArrayList<>();
            for (long t = Math.floorDiv(startSeconds, step) * step; t <= endSeconds; t += step) {
                if (t >= startSeconds) {
                    ticks.add(t);
                }
            }
            return ticks;
        }
    }
}
