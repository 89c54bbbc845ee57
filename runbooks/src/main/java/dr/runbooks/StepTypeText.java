package dr.runbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.runbooks.step.Durations;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.StepParams;
import dr.runbooks.step.StepType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step types a runbook may use, for {@code runbook types}: what each does, its default timeout and its
 * parameters (type, default or required, allowed values). What someone writing their own runbook needs to know.
 */
public final class StepTypeText {
    private StepTypeText() {
    }

    public static String render(List<StepType> types) {
        StringBuilder text = new StringBuilder();
        for (StepType type : types) {
            text.append(type.name()).append(defaultTimeout(type).map(t -> "  (timeout " + Durations.format(t) + ")")
                    .orElse("")).append('\n');
            text.append("    ").append(type.description()).append('\n');
            for (ParamSpec param : type.params()) {
                text.append("    ").append(param.name()).append(": ").append(param.type().label()).append(", ")
                        .append(requirement(param)).append(". ").append(param.description()).append('\n');
                if (!param.choices().isEmpty()) {
                    text.append("      one of: ").append(String.join(", ", param.choices())).append('\n');
                }
            }
        }
        return text.toString();
    }

    public static ObjectNode toJson(List<StepType> types) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("stepTypes");
        for (StepType type : types) {
            ObjectNode node = list.addObject();
            node.put("name", type.name());
            node.put("description", type.description());
            defaultTimeout(type).ifPresent(timeout -> node.put("defaultTimeoutSeconds", timeout.toSeconds()));
            ArrayNode params = node.putArray("params");
            for (ParamSpec param : type.params()) {
                ObjectNode p = params.addObject();
                p.put("name", param.name());
                p.put("type", param.type().label());
                p.put("required", param.required());
                if (param.defaultValue() != null) {
                    p.put("default", value(param.defaultValue()));
                }
                p.put("description", param.description());
                param.choices().forEach(p.withArray("choices")::add);
            }
        }
        return root;
    }

    private static String requirement(ParamSpec param) {
        if (param.required()) {
            return "required";
        }
        return param.defaultValue() == null ? "optional" : "default " + value(param.defaultValue());
    }

    private static String value(Object value) {
        return value instanceof Duration duration ? Durations.format(duration) : String.valueOf(value);
    }

    /** Empty when it depends on a parameter the runbook must give (e.g. a wait's duration). */
    private static Optional<Duration> defaultTimeout(StepType type) {
        try {
            return Optional.of(type.defaultTimeout(StepParams.of(type, Map.of())));
        } catch (RuntimeException dependsOnParams) {
            return Optional.empty();
        }
    }
}
