package dr.runbooks.step;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one runbook step, as loaded: every given value converted to its declared {@link ParamType}, and
 * every optional parameter that was not given set to its default (or absent when it has none). For a step whose type
 * is not registered (a runbook loaded only to be described) the values are kept as written and there are no specs.
 */
public final class StepParams {
    private final Map<String, Object> values;
    private final Map<String, ParamSpec> specs;

    private StepParams(Map<String, Object> values, Map<String, ParamSpec> specs) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.specs = specs;
    }

    /** Checked values of a registered type: every value must match its spec, every required one must be present. */
    public static StepParams of(StepType type, Map<String, Object> values) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        type.params().forEach(spec -> specs.put(spec.name(), spec));
        Map<String, Object> complete = new LinkedHashMap<>();
        for (ParamSpec spec : type.params()) {
            Object value = values.containsKey(spec.name()) ? values.get(spec.name()) : spec.defaultValue();
            if (value == null && spec.required()) {
                throw new IllegalArgumentException("step type '" + type.name() + "' needs parameter '" + spec.name() + "'");
            }
            if (value != null && !spec.type().accepts(value)) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' of step type '" + type.name()
                        + "' must be a " + spec.type().label() + ", not " + value);
            }
            if (value != null) {
                complete.put(spec.name(), value);
            }
        }
        values.keySet().stream().filter(name -> !specs.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("step type '" + type.name() + "' has no parameter '" + name + "'");
        });
        return new StepParams(complete, Collections.unmodifiableMap(specs));
    }

    /** Values of a step whose type is unknown, kept as written (text, numbers, flags, lists, mappings). */
    public static StepParams undeclared(Map<String, Object> values) {
        return new StepParams(values, null);
    }

    /** False for the parameters of a step type that is not registered. */
    public boolean declared() {
        return specs != null;
    }

    /** The values in declaration order (as written, for an undeclared type). */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name) {
        return required(name, ParamType.TEXT, String.class);
    }

    public Optional<String> optionalText(String name) {
        return optional(name, ParamType.TEXT, String.class);
    }

    public int number(String name) {
        return required(name, ParamType.NUMBER, Integer.class);
    }

    public boolean flag(String name) {
        return required(name, ParamType.FLAG, Boolean.class);
    }

    public Duration duration(String name) {
        return required(name, ParamType.DURATION, Duration.class);
    }

    public Optional<Duration> optionalDuration(String name) {
        return optional(name, ParamType.DURATION, Duration.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String name) {
        return required(name, ParamType.TEXT_LIST, List.class);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<String>> optionalTexts(String name) {
        return optional(name, ParamType.TEXT_LIST, List.class).map(list -> (List<String>) list);
    }

    private <T> T required(String name, ParamType type, Class<T> javaType) {
        return optional(name, type, javaType).orElseThrow(() -> new IllegalStateException(
                "parameter '" + name + "' has no value and no default; declare a default or use the optional getter"));
    }

    private <T> Optional<T> optional(String name, ParamType type, Class<T> javaType) {
        if (specs == null) {
            throw new IllegalStateException("the step type is not registered, so its parameters are not typed");
        }
        ParamSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalStateException("no parameter '" + name + "' is declared (declared: "
                    + String.join(", ", specs.keySet()) + ")");
        }
        if (spec.type() != type) {
            throw new IllegalStateException("parameter '" + name + "' is a " + spec.type().label() + ", not a "
                    + type.label());
        }
        return Optional.ofNullable(values.get(name)).map(javaType::cast);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
