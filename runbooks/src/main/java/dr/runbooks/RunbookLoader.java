package dr.runbooks;

import com.fasterxml.jackson.core.JsonToken;
import dr.core.DrException;
import dr.runbooks.step.Durations;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.StepParams;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads runbook YAML:
 * <pre>
 * name: failover-drill
 * description: Game day: break the primary, watch traffic move, restore, report RTO
 * steps:
 *   - id: restore
 *     type: restore-fault
 *     timeout: 10m        # optional; else the type's default
 *     always: true        # optional; runs like a finally
 *     params: {...}       # optional; checked against the type's declared parameters
 * </pre>
 * Everything wrong is bad input (exit 2) naming the file and line: malformed YAML, an unknown or repeated key, a
 * missing or mistyped value, a repeated step id, an unknown step type or parameter, a missing required parameter.
 * {@link #load} is strict, for running. {@link #describe} accepts step types that are not registered (yet), keeping
 * their parameters as written, for {@code runbook list/show}; everything else it checks like {@link #load}.
 */
public final class RunbookLoader {
    private static final Set<String> RUNBOOK_KEYS = Set.of("name", "description", "steps");
    private static final List<String> RUNBOOK_KEY_ORDER = List.of("name", "description", "steps");
    private static final List<String> STEP_KEY_ORDER = List.of("id", "type", "description", "params", "timeout", "always");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final StepTypeRegistry registry;

    public RunbookLoader(StepTypeRegistry registry) {
        this.registry = registry;
    }

    /** Loads {@code file} for running: every step type must be registered. */
    public Runbook load(Path file) {
        return fromFile(file, true);
    }

    /** Loads {@code file} to be shown: step types that are not registered are kept, marked unavailable. */
    public Runbook describe(Path file) {
        return fromFile(file, false);
    }

    /** Loads YAML from {@code reader} for running, naming it {@code shownAs} in messages. */
    public Runbook load(Reader reader, String shownAs) {
        return parse(new YamlReader(shownAs).read(reader), shownAs, true);
    }

    /** Loads YAML from {@code reader} to be shown, naming it {@code shownAs} in messages. */
    public Runbook describe(Reader reader, String shownAs) {
        return parse(new YamlReader(shownAs).read(reader), shownAs, false);
    }

    private Runbook fromFile(Path file, boolean strict) {
        String shownAs = file.toString();
        if (Files.isDirectory(file)) {
            throw DrException.badInput("runbook file " + shownAs + " cannot be read: it is a directory");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(new YamlReader(shownAs).read(reader), shownAs, strict);
        } catch (NoSuchFileException e) {
            throw DrException.badInput("runbook file " + shownAs + " cannot be read: no such file");
        } catch (AccessDeniedException e) {
            throw DrException.badInput("runbook file " + shownAs + " cannot be read: permission denied");
        } catch (IOException e) {
            throw DrException.badInput("runbook file " + shownAs + " cannot be read: " + e.getMessage());
        }
    }

    private Runbook parse(YamlNode root, String shownAs, boolean strict) {
        return new Parse(shownAs, strict).runbook(root);
    }

    /** One file being parsed: knows its name for messages and whether unknown step types are allowed. */
    private final class Parse {
        private final String shownAs;
        private final boolean strict;

        Parse(String shownAs, boolean strict) {
            this.shownAs = shownAs;
            this.strict = strict;
        }

        Runbook runbook(YamlNode root) {
            if (!(root instanceof YamlNode.Mapping top)) {
                throw error(root.line(), "expected a runbook: a mapping with " + quoted(RUNBOOK_KEY_ORDER)
                        + ", not a " + root.kind());
            }
            onlyKeys(top, RUNBOOK_KEYS, RUNBOOK_KEY_ORDER, "runbook");
            String name = requiredText(top, "name", "the runbook");
            String description = optionalText(top, "description");
            YamlNode.Entry stepsEntry = required(top, "steps", "the runbook");
            if (!(stepsEntry.value() instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
                throw error(stepsEntry.line(), "'steps' must be a list with at least one step");
            }
            List<RunbookStep> steps = new ArrayList<>();
            Map<String, Integer> firstLineOfId = new HashMap<>();
            for (YamlNode item : list.items()) {
                RunbookStep step = step(item);
                Integer earlier = firstLineOfId.putIfAbsent(step.id(), step.line());
                if (earlier != null) {
                    throw error(step.line(), "step id '" + step.id() + "' is used twice (first on line " + earlier + ")");
                }
                steps.add(step);
            }
            return new Runbook(name, description == null ? "" : description, shownAs, steps);
        }

        private RunbookStep step(YamlNode item) {
            if (!(item instanceof YamlNode.Mapping step)) {
                throw error(item.line(), "each step must be a mapping with 'id' and 'type', not a " + item.kind());
            }
            onlyKeys(step, Set.copyOf(STEP_KEY_ORDER), STEP_KEY_ORDER, "step");
            String id = requiredText(step, "id", "the step");
            if (!ID.matcher(id).matches()) {
                throw error(step.entries().get("id").line(), "step id '" + id
                        + "' must be lower-case words joined by '-' (e.g. inject-fault)");
            }
            String typeName = requiredText(step, "type", "step '" + id + "'");
            StepType type = registry.find(typeName).orElse(null);
            if (type == null && strict) {
                throw error(step.entries().get("type").line(), "unknown step type '" + typeName + "' in step '" + id
                        + "' (known types: " + String.join(", ", registry.names()) + ")");
            }
            StepParams params = type == null ? StepParams.undeclared(rawParams(step)) : params(step, id, type);
            return new RunbookStep(id, typeName, optionalText(step, "description"), params, timeout(step, id),
                    flag(step, "always"), step.line(), type);
        }

        private StepParams params(YamlNode.Mapping step, String id, StepType type) {
            Map<String, Object> values = new LinkedHashMap<>();
            YamlNode.Mapping given = paramsMapping(step);
            if (given != null) {
                for (YamlNode.Entry entry : given.entries().values()) {
                    ParamSpec spec = type.param(entry.key()).orElseThrow(() -> error(entry.line(), "unknown parameter '"
                            + entry.key() + "' for step type '" + type.name() + "' in step '" + id + "' ("
                            + (type.params().isEmpty() ? "it takes no parameters"
                            : "parameters: " + type.params().stream().map(ParamSpec::name).collect(Collectors.joining(", ")))
                            + ")"));
                    values.put(spec.name(), convert(spec, entry));
                }
            }
            for (ParamSpec spec : type.params()) {
                if (spec.required() && !values.containsKey(spec.name())) {
                    int line = given == null ? step.line() : step.entries().get("params").line();
                    throw error(line, "step '" + id + "' (" + type.name() + ") needs parameter '" + spec.name()
                            + "': " + spec.description());
                }
            }
            return StepParams.of(type, values);
        }

        private Object convert(ParamSpec spec, YamlNode.Entry entry) {
            YamlNode node = entry.value();
            String what = "parameter '" + spec.name() + "' must be a " + spec.type().label();
            if (spec.type() == ParamType.TEXT_LIST) {
                if (!(node instanceof YamlNode.Sequence list)) {
                    throw error(node.line(), what + ", not a " + node.kind());
                }
                List<String> texts = new ArrayList<>();
                for (YamlNode item : list.items()) {
                    if (!(item instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
                        throw error(item.line(), what + "; an item is a " + item.kind());
                    }
                    texts.add(choice(spec, scalar));
                }
                return List.copyOf(texts);
            }
            if (!(node instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
                throw error(node.line(), what + ", not a " + node.kind());
            }
            return switch (spec.type()) {
                case TEXT -> choice(spec, scalar);
                case NUMBER -> number(scalar, what);
                case FLAG -> {
                    if (scalar.token() != JsonToken.VALUE_TRUE && scalar.token() != JsonToken.VALUE_FALSE) {
                        throw error(scalar.line(), what + ", not '" + scalar.text() + "'");
                    }
                    yield scalar.token() == JsonToken.VALUE_TRUE;
                }
                case DURATION -> Durations.parse(scalar.text())
                        .orElseThrow(() -> error(scalar.line(), what + ", not '" + scalar.text() + "'"));
                case TEXT_LIST -> throw new IllegalStateException("handled above");
            };
        }

        private String choice(ParamSpec spec, YamlNode.Scalar scalar) {
            if (!spec.allows(scalar.text())) {
                throw error(scalar.line(), "parameter '" + spec.name() + "' cannot be '" + scalar.text() + "'; one of: "
                        + String.join(", ", spec.choices()));
            }
            return scalar.text();
        }

        private Integer number(YamlNode.Scalar scalar, String what) {
            if (scalar.token() == JsonToken.VALUE_NUMBER_INT) {
                try {
                    return Integer.parseInt(scalar.text());
                } catch (NumberFormatException e) {
                    throw error(scalar.line(), what + " that fits in an int, not '" + scalar.text() + "'");
                }
            }
            throw error(scalar.line(), what + ", not '" + scalar.text() + "'");
        }

        private Map<String, Object> rawParams(YamlNode.Mapping step) {
            YamlNode.Mapping given = paramsMapping(step);
            Map<String, Object> values = new LinkedHashMap<>();
            if (given != null) {
                given.entries().values().forEach(entry -> values.put(entry.key(), raw(entry.value())));
            }
            return values;
        }

        private YamlNode.Mapping paramsMapping(YamlNode.Mapping step) {
            YamlNode.Entry entry = step.entries().get("params");
            if (entry == null || entry.value() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
                return null;
            }
            if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
                throw error(entry.line(), "'params' must be a mapping of parameter names to values, not a "
                        + entry.value().kind());
            }
            return mapping;
        }

        private Duration timeout(YamlNode.Mapping step, String id) {
            YamlNode.Entry entry = step.entries().get("timeout");
            if (entry == null) {
                return null;
            }
            String text = entry.value() instanceof YamlNode.Scalar scalar && !scalar.isNull() ? scalar.text() : null;
            Duration timeout = Durations.parse(text).orElseThrow(() -> error(entry.line(), "'timeout' of step '" + id
                    + "' must be a duration (e.g. 90s, 10m, 1h30m), not " + (text == null ? "a " + entry.value().kind()
                    : "'" + text + "'")));
            if (timeout.isZero()) {
                throw error(entry.line(), "'timeout' of step '" + id + "' must be longer than 0s");
            }
            return timeout;
        }

        private boolean flag(YamlNode.Mapping mapping, String key) {
            YamlNode.Entry entry = mapping.entries().get(key);
            if (entry == null) {
                return false;
            }
            if (entry.value() instanceof YamlNode.Scalar scalar
                    && (scalar.token() == JsonToken.VALUE_TRUE || scalar.token() == JsonToken.VALUE_FALSE)) {
                return scalar.token() == JsonToken.VALUE_TRUE;
            }
            throw error(entry.line(), "'" + key + "' must be true or false, not " + describe(entry.value()));
        }

        private String requiredText(YamlNode.Mapping mapping, String key, String owner) {
            YamlNode.Entry entry = required(mapping, key, owner);
            String text = optionalText(mapping, key);
            if (text == null || text.isBlank()) {
                throw error(entry.line(), "'" + key + "' of " + owner + " must not be empty");
            }
            return text;
        }

        private String optionalText(YamlNode.Mapping mapping, String key) {
            YamlNode.Entry entry = mapping.entries().get(key);
            if (entry == null || entry.value() instanceof YamlNode.Scalar scalar && scalar.isNull()) {
                return null;
            }
            if (!(entry.value() instanceof YamlNode.Scalar scalar)) {
                throw error(entry.line(), "'" + key + "' must be a single value, not a " + entry.value().kind());
            }
            return scalar.text();
        }

        private YamlNode.Entry required(YamlNode.Mapping mapping, String key, String owner) {
            YamlNode.Entry entry = mapping.entries().get(key);
            if (entry == null) {
                throw error(mapping.line(), owner + " has no '" + key + "'");
            }
            return entry;
        }

        private void onlyKeys(YamlNode.Mapping mapping, Set<String> allowed, List<String> order, String what) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                if (!allowed.contains(entry.key())) {
                    throw error(entry.line(), "unknown " + what + " key '" + entry.key() + "' (known keys: "
                            + String.join(", ", order) + ")");
                }
            }
        }

        private DrException error(int line, String message) {
            return DrException.badInput(shownAs + " line " + line + ": " + message);
        }
    }

    private static Object raw(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, Object> values = new LinkedHashMap<>();
            mapping.entries().values().forEach(entry -> values.put(entry.key(), raw(entry.value())));
            return values;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items().stream().map(RunbookLoader::raw).toList();
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return switch (scalar.token()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> scalar.text();
        };
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && !scalar.isNull() ? "'" + scalar.text() + "'" : "a " + node.kind();
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(key -> "'" + key + "'").collect(Collectors.joining(", "));
    }
}
