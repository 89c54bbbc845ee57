package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.DurationFormat;
import dr.core.engine.Journal;
import dr.regions.readiness.ReplicationEvidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a promote-replica run did, read back from its journal (so a run resumed after a crash reports every step,
 * also those the dead process finished): each step with its times and result, the replication evidence recorded
 * before promotion, and the verdict. As JSON and as Markdown.
 */
public record PromotionReport(String stack, String drRegion, String primaryRegion, Instant startedAt,
                              Instant finishedAt, boolean succeeded, String outcome, Map<String, Object> evidence,
                              List<StepLine> steps, List<String> notes) {

    /** One step: {@code status} is done, failed, interrupted or not run. */
    public record StepLine(String id, String type, String status, String summary, Instant startedAt,
                           Instant finishedAt, Map<String, Object> outputs) {
        Duration took() {
            return startedAt == null || finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
        }
    }

    static final String RUN_STARTED = "runbook-started";
    static final String STEP_STARTED = "step-started";
    static final String STEP_FINISHED = "step-finished";
    static final String STEP_FAILED = "step-failed";

    /** The records a report is made from, by type, as {@code ActionContext#records} gives them. */
    interface Records {
        List<Journal.Entry> of(String type);
    }

    static PromotionReport from(Records records, String reportStep, String stack, String drRegion,
                                String primaryRegion, Instant now) {
        Optional<Journal.Entry> start = records.of(RUN_STARTED).stream().findFirst();
        List<String> ids = start.map(s -> texts(s.data().get("steps"))).orElse(List.of());
        List<String> always = start.map(s -> texts(s.data().get("always"))).orElse(List.of());
        List<StepLine> lines = new ArrayList<>();
        String firstFailure = null;
        boolean complete = true;
        for (String id : ids) {
            if (id.equals(reportStep)) {
                continue;
            }
            StepLine line = line(records, id);
            lines.add(line);
            if (!always.contains(id) && !line.status().equals("done")) {
                complete = false;
                if (firstFailure == null && !line.status().equals("not run")) {
                    firstFailure = "step '" + id + "' " + line.status() + ": " + line.summary();
                }
            }
        }
        Map<String, Object> evidence = records.of(PreflightTask.EVIDENCE).stream().reduce((a, b) -> b)
                .map(Journal.Entry::data).orElse(Map.of());
        String primary = primaryRegion != null ? primaryRegion : regionOf(evidence.get("source"));
        String outcome = complete ? "promoted: the DR database is writable, DNS names it, DR is scaled up and fenced"
                : firstFailure != null ? firstFailure : "did not finish";
        List<String> notes = List.of(
                "Replica lag at promotion: not measured; " + ReplicationEvidence.LAG_NOTE + ".",
                "Every call went to " + drRegion + " or to the global services (Route 53, CloudFront); none to the "
                        + "primary region" + (primary == null ? "" : " " + primary) + ".",
                "Failback is deliberate: 'dr provision' keeps traffic on DR while the promoted database is the "
                        + "writer; see the README, 'After a promotion', for bringing the primary back.");
        return new PromotionReport(stack, drRegion, primary, start.map(Journal.Entry::time).orElse(now), now,
                complete, outcome, evidence, lines, notes);
    }

    /** The region of an RDS ARN ({@code arn:aws:rds:us-east-1:...:db:x}): where the replica's source lives. */
    static String regionOf(Object arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.toString().split(":");
        return parts.length > 5 && parts[0].equals("arn") && parts[2].equals("rds") ? parts[3] : null;
    }

    private static StepLine line(Records records, String id) {
        Optional<Journal.Entry> started = last(records.of(STEP_STARTED), id);
        Optional<Journal.Entry> finished = last(records.of(STEP_FINISHED), id);
        Optional<Journal.Entry> failed = last(records.of(STEP_FAILED), id);
        String type = started.map(s -> String.valueOf(s.data().get("type"))).orElse("");
        Instant from = started.map(Journal.Entry::time).orElse(null);
        if (finished.isPresent()) {
            Map<String, Object> outputs = finished.get().data().get("outputs") instanceof Map<?, ?> map
                    ? plain(map) : Map.of();
            return new StepLine(id, type, "done", String.valueOf(finished.get().data().getOrDefault("summary", "")),
                    from, finished.get().time(), outputs);
        }
        if (failed.isPresent() && (from == null || !failed.get().time().isBefore(from))) {
            boolean interrupted = Boolean.TRUE.equals(failed.get().data().get("interrupted"));
            Map<String, Object> error = failed.get().data().get("error") instanceof Map<?, ?> map
                    ? Map.of("error", plain(map)) : Map.of();
            return new StepLine(id, type, interrupted ? "interrupted" : "failed",
                    String.valueOf(failed.get().data().getOrDefault("message", "")), from, failed.get().time(),
                    error);
        }
        if (started.isPresent()) {
            return new StepLine(id, type, "interrupted", "the process stopped during this step", from, null, Map.of());
        }
        return new StepLine(id, type, "not run", "", null, null, Map.of());
    }

    private static Optional<Journal.Entry> last(List<Journal.Entry> entries, String id) {
        return entries.stream().filter(e -> id.equals(e.key())).reduce((a, b) -> b);
    }

    private static Map<String, Object> plain(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("runbook", "promote-replica");
        root.put("stack", stack);
        root.put("drRegion", drRegion);
        if (primaryRegion == null) {
            root.putNull("primaryRegion");
        } else {
            root.put("primaryRegion", primaryRegion);
        }
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("durationSeconds", duration().toSeconds());
        root.put("succeeded", succeeded);
        root.put("outcome", outcome);
        root.set("replicationEvidence", json.valueToTree(evidence));
        ArrayNode list = root.putArray("steps");
        for (StepLine step : steps) {
            ObjectNode node = list.addObject();
            node.put("id", step.id());
            node.put("type", step.type());
            node.put("status", step.status());
            node.put("summary", step.summary());
            if (step.startedAt() != null) {
                node.put("startedAt", step.startedAt().toString());
            }
            if (step.finishedAt() != null) {
                node.put("finishedAt", step.finishedAt().toString());
                node.put("seconds", step.took().toSeconds());
            }
            node.set("outputs", json.valueToTree(step.outputs()));
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        return root;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# dr promote-replica: stack ").append(stack).append("\n\n");
        md.append("- DR region: ").append(drRegion).append("\n");
        md.append("- Primary region: ").append(primaryRegion == null ? "unknown" : primaryRegion)
                .append(" (never called)\n");
        md.append("- Started: ").append(startedAt).append("; finished: ").append(finishedAt).append("; took ")
                .append(DurationFormat.compact(duration())).append("\n");
        md.append("- Result: ").append(succeeded ? "succeeded, " : "NOT finished, ").append(outcome).append("\n\n");
        md.append("## Replication evidence at promotion (RPO)\n\n");
        if (evidence.isEmpty()) {
            md.append("None recorded: the preflight did not finish.\n\n");
        } else {
            md.append("| fact | value |\n|---|---|\n");
            evidence.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(cell(value))
                    .append(" |\n"));
            md.append("\n");
        }
        md.append("## Steps\n\n| # | step | status | took | summary |\n|---|---|---|---|---|\n");
        int number = 0;
        for (StepLine step : steps) {
            number++;
            md.append("| ").append(number).append(" | ").append(step.id()).append(" | ").append(step.status())
                    .append(" | ").append(step.finishedAt() == null ? "" : DurationFormat.compact(step.took()))
                    .append(" | ").append(cell(step.summary())).append(" |\n");
        }
        md.append("\n## Notes\n\n");
        notes.forEach(note -> md.append("- ").append(note).append("\n"));
        return md.toString();
    }

    private static String cell(Object value) {
        return String.valueOf(value).replace("|", "\\|").replace("\n", " ");
    }
}
