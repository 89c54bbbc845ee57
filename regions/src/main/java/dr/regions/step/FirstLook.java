package dr.regions.step;

import dr.core.engine.StepContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One describe of every resource of a type in a region that carries the stack's tag, shared by the steps of that
 * type in one run: each step's first look ({@link EnsureStep#firstLook}) reads its resource from it instead of
 * describing it alone, so a re-provision with nothing to do makes one call per type and region, not one per
 * resource. Safe because only a resource's own step creates or changes it, and that step reads the shared describe
 * only before it has done anything: what the describe shows is still true when the step looks. A step looking again
 * (the retry of a failed create or converge) describes afresh. The describe is kept per run of the plan
 * ({@link StepContext#perRun}), so the same plan executed again describes again.
 */
public final class FirstLook<T> {
    private final Supplier<List<T>> describeStack;
    private final Function<T, String> roleOf;

    /** The one describe of a run, by role. */
    private static final class Described {
        final Map<String, Object> byRole = new LinkedHashMap<>();
    }

    /** {@code describeStack}: every resource of the type with the stack's tag; {@code roleOf}: its role tag. */
    public FirstLook(Supplier<List<T>> describeStack, Function<T, String> roleOf) {
        this.describeStack = describeStack;
        this.roleOf = roleOf;
    }

    /** The resource with this role, from the run's one describe (made on the run's first call). */
    public Optional<T> find(StepContext context, String role) {
        Described described = context.perRun(this, Described.class, this::describe);
        @SuppressWarnings("unchecked")
        T resource = (T) described.byRole.get(role);
        return Optional.ofNullable(resource);
    }

    private Described describe() {
        Described described = new Described();
        for (T resource : describeStack.get()) {
            String resourceRole = roleOf.apply(resource);
            if (resourceRole != null) {
                described.byRole.putIfAbsent(resourceRole, resource);
            }
        }
        return described;
    }
}
