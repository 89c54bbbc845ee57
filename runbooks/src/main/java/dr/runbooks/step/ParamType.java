package dr.runbooks.step;

import java.time.Duration;
import java.util.List;

/** The value types a step parameter can have, and the Java type a {@link StepParams} getter returns for each. */
public enum ParamType {
    /** Any single value, read as text. */
    TEXT("text", String.class),
    /** A whole number ({@code int}). */
    NUMBER("whole number", Integer.class),
    FLAG("true or false", Boolean.class),
    /** {@code 90s}, {@code 10m}, {@code 1h30m}. */
    DURATION("duration (e.g. 90s, 10m, 1h30m)", Duration.class),
    /** A YAML list of single values, each read as text. */
    TEXT_LIST("list of text", List.class);

    private final String label;
    private final Class<?> javaType;

    ParamType(String label, Class<?> javaType) {
        this.label = label;
        this.javaType = javaType;
    }

    /** How messages and {@code runbook show} name the type. */
    public String label() {
        return label;
    }

    /** True when {@code value} is what a parameter of this type holds once loaded. */
    public boolean accepts(Object value) {
        if (!javaType.isInstance(value)) {
            return false;
        }
        return this != TEXT_LIST || ((List<?>) value).stream().allMatch(String.class::isInstance);
    }
}
