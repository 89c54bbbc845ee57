package dr.runbooks;

import dr.core.DrException;
import dr.runbooks.step.StepTypeRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The runbooks that ship with dr, as YAML resources under {@code runbooks/}: list them, describe one (its step types
 * need not be registered yet), or load one strictly to run it.
 */
public final class RunbookCatalog {
    /** In the order an operator meets them. */
    public static final List<String> BUILT_INS = List.of("status", "failover-drill", "promote-replica", "reprotect",
            "failback", "cleanup");

    private final RunbookLoader loader;

    /** One line of {@code runbook list}; {@code unavailableTypes} are step types not registered yet. */
    public record Entry(String name, String description, List<String> unavailableTypes) {
        public Entry {
            unavailableTypes = List.copyOf(unavailableTypes);
        }

        public boolean runnable() {
            return unavailableTypes.isEmpty();
        }
    }

    public RunbookCatalog(StepTypeRegistry registry) {
        this.loader = new RunbookLoader(registry);
    }

    public List<Entry> list() {
        return BUILT_INS.stream().map(this::describe).map(runbook -> new Entry(runbook.name(), runbook.description(),
                runbook.unavailableSteps().stream().map(RunbookStep::type).distinct().toList())).toList();
    }

    /** A built-in runbook to show: step types that are not registered are marked, not refused. */
    public Runbook describe(String name) {
        return read(name, loader::describe);
    }

    /** A built-in runbook to run: every step type must be registered. */
    public Runbook load(String name) {
        return read(name, loader::load);
    }

    /** {@code runbook show NAME}: the steps with their types, parameters, timeouts and which always run. */
    public String show(String name) {
        return RunbookText.render(describe(name));
    }

    private Runbook read(String name, BiFunction<Reader, String, Runbook> parse) {
        if (!BUILT_INS.contains(name)) {
            throw DrException.badInput("no built-in runbook '" + name + "' (built-in: " + String.join(", ", BUILT_INS)
                    + "); to run your own, pass its file");
        }
        String resource = "runbooks/" + name + ".yaml";
        InputStream stream = RunbookCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("built-in runbook resource " + resource + " is missing from the jar");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse.apply(reader, "built-in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in runbook " + resource, e);
        }
    }
}
