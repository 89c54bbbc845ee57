package dr.runbooks.step;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a step type declares: its name as written under {@code params:}, its type, whether a runbook must
 * give it, the value used when it is optional and not given ({@code null}: none), and one line for
 * {@code runbook show}.
 */
public record ParamSpec(String name, ParamType type, boolean required, Object defaultValue, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be lower-case words joined by '-'");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("required parameter '" + name + "' cannot have a default");
        }
        if (defaultValue != null && !type.accepts(defaultValue)) {
            throw new IllegalArgumentException("default of parameter '" + name + "' is not a " + type.label()
                    + ": " + defaultValue);
        }
    }

    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, true, null, description);
    }

    /** An optional parameter; {@code defaultValue} may be null (the action then sees it as absent). */
    public static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, description);
    }
}
