package dr.runbooks.actions.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.engine.DurationFormat;
import dr.core.engine.Journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a promote-replica run did, read back from its journal (so a run resumed after a crash reports every step,
 * also those the dead process finished): each step with its times and result, the replication evidence recorded
 * before promotion, and the verdict. As JSON and as Markdown.
 */
public record PromotionReport(String stack, String drRegion, String primaryRegion, Instant startedAt,
                              Instant finishedAt, boolean succeeded, String outcome, Map<String, Object> evidence,
                              List<StepLine> steps, Milestones milestones, List<StepLine> pending,
                              List<String> notes) {

    /**
     * Times from the run's start on the modeled clock, null when not reached: the database writable, DR at full
     * capacity, and users served from DR per tier (first seen so through the data planes).
     */
    public record Milestones(Duration dbWritable, Duration drFullCapacity, Duration apiOnDr, Duration webOnDr) {
        Map<String, Duration> named() {
            Map<String, Duration> named = new LinkedHashMap<>();
            named.put("dbWritable", dbWritable);
            named.put("drFullCapacity", drFullCapacity);
            named.put("apiServedFromDr", apiOnDr);
            named.put("webServedFromDr", webOnDr);
            return named;
        }
    }

    private static final Map<String, String> MILESTONE_TEXT = Map.of(
            "dbWritable", "DB writable", "drFullCapacity", "DR at full capacity",
            "apiServedFromDr", "users served from DR: api", "webServedFromDr", "users served from DR: web");

    /** One step: {@code status} is done, pending (a global step whose API did not answer), failed, interrupted or not run. */
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
    static final String PENDING = "pending";

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
            if (!always.contains(id) && !line.status().equals("done") && !line.status().equals(PENDING)) {
                complete = false;
                if (firstFailure == null && !line.status().equals("not run")) {
                    firstFailure = "step '" + id + "' " + line.status() + ": " + line.summary();
                }
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>(records.of(PreflightTask.EVIDENCE).stream()
                .reduce((a, b) -> b).map(Journal.Entry::data).orElse(Map.of()));
        Optional<Map<String, Object>> rpo = records.of(PreflightTask.RPO).stream().reduce((a, b) -> b)
                .map(Journal.Entry::data);
        rpo.ifPresent(lag -> {
            evidence.put("replicaLag", lag.get("detail"));
            if (lag.get("lagSeconds") != null) {
                evidence.put("replicaLagSeconds", lag.get("lagSeconds"));
                evidence.put("replicaLagAt", lag.get("at"));
            }
            evidence.put("wouldLose", lag.get("wouldLose"));
        });
        String primary = primaryRegion != null ? primaryRegion : regionOf(evidence.get("source"));
        Instant startedAt = start.map(Journal.Entry::time).orElse(now);
        List<StepLine> pending = lines.stream().filter(l -> l.status().equals(PENDING)).toList();
        String outcome = complete ? promoted(lines, pending) : firstFailure != null ? firstFailure : "did not finish";
        List<String> notes = List.of(
                rpo.map(lag -> "Replica lag at promotion (CloudWatch ReplicaLag, read in " + drRegion + "): "
                        + lag.get("detail") + "; the promotion lost " + lag.get("wouldLose") + ".")
                        .orElse("Replica lag at promotion: not read (the database was already standalone, or the "
                                + "preflight did not finish)."),
                "Every call went to " + drRegion + " or to the global services' APIs (Route 53, CloudFront), and "
                        + "those only after users were checked on DR; none to the primary region"
                        + (primary == null ? "" : " " + primary) + ".",
                "Users reach DR through data planes only: the health-checked api failover records and CloudFront's "
                        + "origin group. The global steps fence the old primary for when it comes back.",
                "Failback is deliberate: 'dr provision' keeps traffic on DR while the promoted database is the "
                        + "writer; see the README, 'After a promotion', for bringing the primary back.");
        return new PromotionReport(stack, drRegion, primary, startedAt, now, complete, outcome, evidence, lines,
                milestones(lines, startedAt), pending, notes);
    }

    private static String promoted(List<StepLine> lines, List<StepLine> pending) {
        boolean served = lines.stream().filter(l -> l.type().equals(PromoteActions.CHECK_SERVING.name()))
                .reduce((a, b) -> b).map(l -> Boolean.TRUE.equals(l.outputs().get("servedFromDr"))).orElse(false);
        String text = "promoted: the DR database is writable, DR is at full capacity, "
                + (served ? "users are served from DR" : "users' routing not observed (no domain)");
        if (pending.isEmpty()) {
            return text + ", and the old primary is fenced";
        }
        return text + "; " + pending.size() + " global step" + (pending.size() == 1 ? "" : "s") + " PENDING ("
                + String.join(", ", pending.stream().map(StepLine::id).toList()) + "): finish with '"
                + finishWith(pending) + "' once the API answers";
    }

    /** The command the pending steps name (all the same); empty without pending steps. */
    static String finishWith(List<StepLine> pending) {
        return pending.stream().map(l -> l.outputs().get("finishWith")).filter(Objects::nonNull)
                .map(String::valueOf).findFirst().orElse("dr promote-replica");
    }

    private static Milestones milestones(List<StepLine> lines, Instant start) {
        return new Milestones(finished(lines, PromoteActions.WAIT_WRITABLE.name(), start),
                finished(lines, PromoteActions.SCALE.name(), start),
                onDr(lines, "api", start), onDr(lines, "web", start));
    }

    private static Duration finished(List<StepLine> lines, String type, Instant start) {
        return lines.stream().filter(l -> l.type().equals(type) && l.status().equals("done") && l.finishedAt() != null)
                .map(l -> Duration.between(start, l.finishedAt())).findFirst().orElse(null);
    }

    /** The earliest time any serving check saw {@code tier} served from DR. */
    private static Duration onDr(List<StepLine> lines, String tier, Instant start) {
        return lines.stream().filter(l -> l.type().equals(PromoteActions.CHECK_SERVING.name()))
                .map(l -> l.outputs().get("tiers")).filter(Map.class::isInstance).map(t -> ((Map<?, ?>) t).get(tier))
                .filter(Map.class::isInstance).map(t -> ((Map<?, ?>) t).get(ServingTask.ON_DR_SINCE))
                .filter(Objects::nonNull).map(t -> Instant.parse(t.toString())).min(Instant::compareTo)
                .map(t -> Duration.between(start, t)).orElse(null);
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
            return new StepLine(id, type, GlobalStepTask.isPending(outputs) ? PENDING : "done",
                    String.valueOf(finished.get().data().getOrDefault("summary", "")), from, finished.get().time(),
                    outputs);
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
        ObjectNode timeline = root.putObject("timeline");
        milestones.named().forEach((name, took) -> {
            if (took == null) {
                timeline.putNull(name + "Seconds");
            } else {
                timeline.put(name + "Seconds", took.toSeconds());
            }
        });
        ArrayNode pendingNode = root.putArray("pending");
        for (StepLine step : pending) {
            ObjectNode node = pendingNode.addObject();
            node.put("step", step.id());
            node.put("api", String.valueOf(step.outputs().get("api")));
            node.put("reason", String.valueOf(step.outputs().get("reason")));
        }
        if (pending.isEmpty()) {
            root.putNull("finishWith");
        } else {
            root.put("finishWith", finishWith(pending));
        }
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
        md.append("## Timeline (modeled clock, from the start)\n\n| milestone | after |\n|---|---|\n");
        milestones.named().forEach((name, took) -> md.append("| ").append(MILESTONE_TEXT.get(name)).append(" | ")
                .append(took == null ? "not reached" : DurationFormat.compact(took)).append(" |\n"));
        md.append("\n");
        if (!pending.isEmpty()) {
            md.append("## Pending global steps\n\nTheir APIs did not answer. Users do not need them (they reach DR "
                    + "through the data planes); they fence the old primary for when it comes back. Finish them with "
                    + "`").append(finishWith(pending)).append("` once the API answers: it changes nothing else.\n\n"
                    + "| step | API | reason |\n|---|---|---|\n");
            pending.forEach(step -> md.append("| ").append(step.id()).append(" | ").append(cell(step.outputs()
                    .get("api"))).append(" | ").append(cell(step.outputs().get("reason"))).append(" |\n"));
            md.append("\n");
        }
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
