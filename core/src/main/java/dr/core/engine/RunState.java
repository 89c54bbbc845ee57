package dr.core.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The per-run state of one execution of a plan (see {@link StepContext#perRun}): one object per owner and type, the
 * owner told apart by identity (two equal steps still keep their own state). Made afresh for every run.
 */
public final class RunState {
    private final Map<Object, Map<Class<?>, Object>> byOwner = new IdentityHashMap<>();

    public synchronized <T> T get(Object owner, Class<T> type, Supplier<? extends T> fresh) {
        Map<Class<?>, Object> states = byOwner.computeIfAbsent(owner, ignored -> new HashMap<>());
        Object state = states.get(type);
        if (state == null) {
            state = Objects.requireNonNull(fresh.get(), "per-run state");
            states.put(type, state);
        }
        return type.cast(state);
    }
}
