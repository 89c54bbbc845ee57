package dr.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each step of a run last created something: reported by the step ({@link StepContext#created}) or finished
 * with {@link Action#CREATE}. A "not found" is worth retrying only shortly after such a create by the step itself or
 * by a step it depends on: then it is most likely AWS's eventual consistency, otherwise a wrong id.
 */
final class RecentCreates {
    private final Plan plan;
    private final Duration window;
    private final Map<StepKey, Instant> lastCreate = new HashMap<>();

    RecentCreates(Plan plan, Duration window) {
        this.plan = plan;
        this.window = window;
    }

    void record(StepKey step, Instant at) {
        lastCreate.merge(step, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Whether {@code step} or one of its dependencies created something less than the window before {@code now}. */
    boolean explainsNotFound(StepKey step, Instant now) {
        Instant since = now.minus(window);
        if (isAfter(lastCreate.get(step), since)) {
            return true;
        }
        Set<StepKey> dependencies = plan.transitiveDependencies(step);
        return dependencies.stream().anyMatch(dependency -> isAfter(lastCreate.get(dependency), since));
    }

    private static boolean isAfter(Instant created, Instant since) {
        return created != null && created.isAfter(since);
    }
}
