package dr.runbooks;

import dr.runbooks.step.ActionContext;

import java.util.Optional;

/**
 * A value one step of a run hands back to the caller that started the run (a report the caller prints), carried as a
 * run attribute under a key the caller and the step share. Typed, instead of the caller reading it back from disk.
 */
public final class HandedBack<T> {
    private T value;

    /** Hands {@code value} to the caller when the run carries a holder under {@code key}; otherwise nobody asked. */
    public static <T> void hand(ActionContext context, String key, T value) {
        context.attribute(key, HandedBack.class).ifPresent(holder -> holder.set(value));
    }

    public synchronized Optional<T> value() {
        return Optional.ofNullable(value);
    }

    @SuppressWarnings("unchecked")
    private synchronized void set(Object made) {
        this.value = (T) made;
    }
}
