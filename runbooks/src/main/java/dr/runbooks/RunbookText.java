package dr.runbooks;

import dr.runbooks.step.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A runbook as text for {@code runbook show}, e.g.
 * <pre>
 * failover-drill: Game day: ...
 * source: built-in runbooks/failover-drill.yaml
 *
 *   1  preflight     drill-preflight  timeout 5m           not available yet
 *        force: false
 *   4  restore       restore-fault    timeout 10m  always  not available yet
 * </pre>
 */
public final class RunbookText {
    private RunbookText() {
    }

    public static String render(Runbook runbook) {
        StringBuilder text = new StringBuilder();
        text.append(runbook.name());
        if (!runbook.description().isBlank()) {
            text.append(": ").append(runbook.description().strip());
        }
        text.append('\n').append("source: ").append(runbook.source()).append("\n\n");
        List<RunbookStep> steps = runbook.steps();
        int idWidth = steps.stream().mapToInt(step -> step.id().length()).max().orElse(0);
        int typeWidth = steps.stream().mapToInt(step -> step.type().length()).max().orElse(0);
        int timeoutWidth = steps.stream().mapToInt(step -> timeout(step).length()).max().orElse(0);
        int number = 0;
        for (RunbookStep step : steps) {
            number++;
            String line = String.format("%3d  %-" + idWidth + "s  %-" + typeWidth + "s  %-" + timeoutWidth + "s  %-6s  %s",
                    number, step.id(), step.type(), timeout(step), step.always() ? "always" : "",
                    step.available() ? "" : "not available yet");
            text.append(line.stripTrailing()).append('\n');
            String indent = " ".repeat(7);
            if (step.description() != null) {
                text.append(indent).append(step.description().strip()).append('\n');
            } else if (step.stepType() != null) {
                text.append(indent).append(step.stepType().description()).append('\n');
            }
            for (Map.Entry<String, Object> param : step.params().asMap().entrySet()) {
                text.append(indent).append("  ").append(param.getKey()).append(": ").append(value(param.getValue()))
                        .append('\n');
            }
        }
        List<String> always = runbook.alwaysSteps().stream().map(RunbookStep::id).toList();
        if (!always.isEmpty()) {
            text.append("\nalways run, also after a failure or an interruption: ").append(String.join(", ", always))
                    .append('\n');
        }
        List<String> unavailable = runbook.unavailableSteps().stream().map(RunbookStep::type).distinct().toList();
        if (!unavailable.isEmpty()) {
            text.append("\nnot available yet: step types ").append(String.join(", ", unavailable))
                    .append("; this runbook cannot run until they are\n");
        }
        return text.toString();
    }

    /** One step of a run as a command prints it: id, status, how long it took, summary. */
    public static String stepLine(StepReport step, String status, int idWidth) {
        String took = step.finished() ? dr.core.engine.DurationFormat.compact(step.elapsed()) : "";
        return String.format("%-" + idWidth + "s %-13s %8s  %s", step.id(), status, took,
                step.summary() == null ? "" : step.summary()).stripTrailing();
    }

    /** {@link #stepLine(StepReport, String, int)} with the step's own status, e.g. {@code done}. */
    public static String stepLine(StepReport step, int idWidth) {
        return stepLine(step, step.status().name().toLowerCase().replace('_', ' '), idWidth);
    }

    private static String timeout(RunbookStep step) {
        return step.effectiveTimeout().map(timeout -> "timeout " + Durations.format(timeout)
                + (step.timeout() == null ? " (default)" : "")).orElse("");
    }

    private static String value(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunbookText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + ": " + value(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
