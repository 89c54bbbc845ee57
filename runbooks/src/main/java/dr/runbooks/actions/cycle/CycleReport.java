package dr.runbooks.actions.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.DurationFormat;
import dr.core.engine.Journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a reprotect or failback run did, read back from its journal (so a run resumed after a crash reports every step,
 * also those the dead process finished): each step with its outcome and time on the modeled clock, and for a failback
 * the write freeze, from the moment the maintenance response went up to the moment it came down: the downtime users
 * saw for writes. As Markdown, JSON and a self-contained HTML page.
 */
public record CycleReport(String runbook, String stack, String primaryRegion, String drRegion, Instant startedAt,
                          Instant finishedAt, boolean succeeded, List<Line> steps, Instant frozenAt,
                          Instant edgeReadyAt, Instant unfrozenAt) {

    /** One step: done, failed, interrupted or not run; {@code at} when it ended. */
    public record Line(String id, String status, String summary, Instant at) {
    }

    public static final String FROZEN_AT = "frozenAt";
    public static final String UNFROZEN_AT = "unfrozenAt";
    /** When the serving region took writes again through the edge (provision-stack's api records in line). */
    static final String EDGE_READY_AT = "edgeReadyAt";

    /** From the run's records ({@code records.apply(type)}, as {@code ActionContext#records} gives them). */
    static CycleReport from(Function<String, List<Journal.Entry>> records, String reportStep, String runbook,
                            String stack, String primary, String dr, Instant now) {
        Optional<Journal.Entry> start = records.apply("runbook-started").stream().findFirst();
        List<String> ids = start.map(s -> texts(s.data().get("steps"))).orElse(List.of());
        List<String> always = start.map(s -> texts(s.data().get("always"))).orElse(List.of());
        List<Line> lines = new ArrayList<>();
        boolean succeeded = true;
        Instant frozen = null;
        Instant unfrozen = null;
        Instant edgeReady = null;
        for (String id : ids) {
            if (id.equals(reportStep)) {
                continue;
            }
            Optional<Journal.Entry> finished = last(records.apply("step-finished"), id);
            Optional<Journal.Entry> failed = last(records.apply("step-failed"), id);
            Optional<Journal.Entry> started = last(records.apply("step-started"), id);
            Line line;
            if (finished.isPresent()) {
                line = new Line(id, "done", String.valueOf(finished.get().data().getOrDefault("summary", "")),
                        finished.get().time());
                Object outputs = finished.get().data().get("outputs");
                if (outputs instanceof Map<?, ?> map) {
                    frozen = map.get(FROZEN_AT) == null ? frozen : Instant.parse(map.get(FROZEN_AT).toString());
                    unfrozen = map.get(UNFROZEN_AT) == null ? unfrozen : Instant.parse(map.get(UNFROZEN_AT).toString());
                    edgeReady = map.get(EDGE_READY_AT) == null ? edgeReady
                            : Instant.parse(map.get(EDGE_READY_AT).toString());
                }
            } else if (failed.isPresent()) {
                line = new Line(id, "failed", String.valueOf(failed.get().data().getOrDefault("message", "")),
                        failed.get().time());
            } else if (started.isPresent()) {
                line = new Line(id, "interrupted", "the process stopped during this step", null);
            } else {
                line = new Line(id, "not run", "", null);
            }
            lines.add(line);
            if (!line.status().equals("done") && !always.contains(id)) {
                succeeded = false;
            }
        }
        return new CycleReport(runbook, stack, primary, dr, start.map(Journal.Entry::time).orElse(now), now,
                succeeded, lines, frozen, frozen == null ? null : edgeReady, unfrozen);
    }

    /**
     * How long users' writes were refused: from the freeze until the api records named the new writer's region again
     * (from then on writes reach the primary; the old writer's load balancer stays in maintenance until the unfreeze,
     * so that a client still holding the old DNS answer cannot write to it). Null when the run froze nothing.
     */
    public Duration freezeWindow() {
        if (frozenAt == null) {
            return null;
        }
        Instant end = edgeReadyAt != null ? edgeReadyAt : unfrozenAt != null ? unfrozenAt : finishedAt;
        return Duration.between(frozenAt, end);
    }

    /** How long the old writer's load balancer answered with the maintenance response; null when nothing froze. */
    public Duration maintenanceWindow() {
        return frozenAt == null ? null : Duration.between(frozenAt, unfrozenAt == null ? finishedAt : unfrozenAt);
    }

    public String outcome() {
        return runbook + (succeeded ? " finished" : " did not finish") + (freezeWindow() == null ? ""
                : ", write freeze " + DurationFormat.compact(freezeWindow()) + (unfrozenAt == null ? " (still frozen)" : ""));
    }

    public ObjectNode toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("runbook", runbook);
        root.put("stack", stack);
        root.put("primaryRegion", primaryRegion);
        root.put("drRegion", drRegion);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("succeeded", succeeded);
        root.put("outcome", outcome());
        if (frozenAt != null) {
            ObjectNode freeze = root.putObject("writeFreeze");
            freeze.put("frozenAt", frozenAt.toString());
            if (unfrozenAt != null) {
                freeze.put("unfrozenAt", unfrozenAt.toString());
            }
            if (edgeReadyAt != null) {
                freeze.put("writesOnPrimaryAt", edgeReadyAt.toString());
            }
            freeze.put("seconds", freezeWindow().toSeconds());
            freeze.put("maintenanceSeconds", maintenanceWindow().toSeconds());
        }
        ArrayNode steps = root.putArray("steps");
        for (Line line : steps()) {
            ObjectNode step = steps.addObject().put("id", line.id()).put("status", line.status())
                    .put("summary", line.summary());
            if (line.at() != null) {
                step.put("at", line.at().toString()).put("sinceStartSeconds", since(line.at()).toSeconds());
            }
        }
        return root;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# dr ").append(runbook).append(": stack ").append(stack).append("\n\n");
        md.append("- Regions: primary ").append(primaryRegion).append(", DR ").append(drRegion).append('\n');
        md.append("- Started ").append(startedAt).append(", took ")
                .append(DurationFormat.compact(Duration.between(startedAt, finishedAt))).append(" (modeled clock)\n");
        md.append("- Outcome: ").append(outcome()).append("\n");
        if (frozenAt != null) {
            md.append("- Write freeze: ").append(DurationFormat.compact(freezeWindow()))
                    .append(" (the downtime users saw for writes: from ").append(frozenAt).append(" until the api "
                    + "records named the new writer's region").append(edgeReadyAt == null ? ", not reached" : " at "
                    + edgeReadyAt).append("; resolvers holding the old answer follow within its TTL)\n");
            md.append("- Maintenance response on the old writer's app load balancer: ")
                    .append(DurationFormat.compact(maintenanceWindow()))
                    .append(unfrozenAt == null ? " (not lifted)" : " (lifted " + unfrozenAt + ")").append('\n');
        }
        md.append("\n## Timeline\n\n| step | status | at (from start) | summary |\n|---|---|---|---|\n");
        for (Line line : steps) {
            md.append("| ").append(line.id()).append(" | ").append(line.status()).append(" | ")
                    .append(line.at() == null ? "" : "+" + DurationFormat.compact(since(line.at()))).append(" | ")
                    .append(line.summary().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>dr ").append(escape(runbook)).append(" ").append(escape(stack)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}table{border-collapse:"
                        + "collapse}td,th{border:1px solid #cfd8dc;padding:4px 8px;text-align:left}</style>\n")
                .append("</head>\n<body>\n<h1>dr ").append(escape(runbook)).append(": stack ").append(escape(stack))
                .append("</h1>\n<p>").append(escape(outcome())).append("</p>\n");
        if (frozenAt != null) {
            html.append("<p>Write freeze (users): ").append(DurationFormat.compact(freezeWindow()))
                    .append(" from ").append(frozenAt).append("; maintenance response ")
                    .append(DurationFormat.compact(maintenanceWindow()))
                    .append(unfrozenAt == null ? " (not lifted)" : "").append("</p>\n");
        }
        html.append("<table>\n<tr><th>step</th><th>status</th><th>at</th><th>summary</th></tr>\n");
        for (Line line : steps) {
            html.append("<tr><td>").append(escape(line.id())).append("</td><td>").append(escape(line.status()))
                    .append("</td><td>").append(line.at() == null ? "" : "+" + DurationFormat.compact(since(line.at())))
                    .append("</td><td>").append(escape(line.summary())).append("</td></tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    private Duration since(Instant at) {
        return Duration.between(startedAt, at);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Optional<Journal.Entry> last(List<Journal.Entry> entries, String id) {
        return entries.stream().filter(e -> id.equals(e.key())).reduce((a, b) -> b);
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
    }
}
