package dr.runbooks.step;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The step types runbooks may use, by name. Open: the built-in generic types are registered by
 * {@code BuiltInStepTypes}, and each module that brings AWS actions (status checks, inject-fault, observe, restore,
 * promote, scale, delete...) registers its own before runbooks are loaded. Not thread-safe for registration; register
 * everything at start-up, then share it.
 */
public final class StepTypeRegistry {
    private final Map<String, StepType> types = new TreeMap<>();

    /** @throws IllegalArgumentException when a type of that name is already registered */
    public StepTypeRegistry register(StepType type) {
        if (types.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("step type '" + type.name() + "' is already registered");
        }
        return this;
    }

    public Optional<StepType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public boolean contains(String name) {
        return types.containsKey(name);
    }

    /** Sorted by name. */
    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    /** Sorted by name. */
    public List<StepType> types() {
        return List.copyOf(types.values());
    }
}
