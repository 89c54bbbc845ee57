package dr.runbooks.step;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter a step type declares: its name as written under {@code params:}, its type, whether a runbook must
 * give it, the value used when it is optional and not given ({@code null}: none), one line for
 * {@code runbook show}, and for text the values it may take ({@code choices}; empty: any), which loading a runbook
 * checks (a value not among them is bad input, with its line).
 */
public record ParamSpec(String name, ParamType type, boolean required, Object defaultValue, String description,
                        List<String> choices) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!choices.isEmpty() && type != ParamType.TEXT && type != ParamType.TEXT_LIST) {
            throw new IllegalArgumentException("parameter '" + name + "': only text can have choices");
        }
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
        return new ParamSpec(name, type, true, null, description, List.of());
    }

    /** An optional parameter; {@code defaultValue} may be null (the action then sees it as absent). */
    public static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, description, List.of());
    }

    /** This parameter, taking only {@code values} (each item of a list, for a list). */
    public ParamSpec withChoices(List<String> values) {
        return new ParamSpec(name, type, required, defaultValue, description, values);
    }

    /** True when {@code text} is one of the choices, or there are none. */
    public boolean allows(String text) {
        return choices.isEmpty() || choices.contains(text);
    }
}
