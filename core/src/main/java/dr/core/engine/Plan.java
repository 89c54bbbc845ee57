package dr.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The steps of one operation and the order between them: a validated, immutable graph. Build it, print it, then
 * execute exactly it; a dry run is the plan without the execution. Iteration orders are deterministic: steps keep
 * the order they were added in, and the topological order prefers the step added first among those ready.
 */
public final class Plan {
    private final List<Step> steps;
    private final Map<StepKey, Step> byKey;
    private final Map<StepKey, List<StepKey>> dependencies;
    private final Map<StepKey, List<StepKey>> dependents;
    private final List<Step> topologicalOrder;

    private Plan(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.byKey = indexByKey(this.steps);
        this.dependencies = dependenciesOf(this.steps, byKey);
        this.dependents = dependentsOf(this.steps, dependencies);
        this.topologicalOrder = sortTopologically();
    }

    /** @throws IllegalArgumentException naming the steps on a duplicate key, an unknown dependency or a cycle */
    public static Plan of(Collection<? extends Step> steps) {
        return new Plan(new ArrayList<>(steps));
    }

    public static Plan of(Step... steps) {
        return of(List.of(steps));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This plan with every step giving up at its next call once {@code stop} is true (see {@link StoppableStep}). */
    public Plan stopWhen(BooleanSupplier stop) {
        return of(steps.stream().map(step -> new StoppableStep(step, stop)).toList());
    }

    /** The steps in the order they were added. */
    public List<Step> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public boolean contains(StepKey key) {
        return byKey.containsKey(key);
    }

    public Optional<Step> find(StepKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Step step(StepKey key) {
        Step step = byKey.get(key);
        if (step == null) {
            throw new IllegalArgumentException("no step " + key + " in the plan");
        }
        return step;
    }

    /** Regions in the order their first step was added, {@link StepKey#GLOBAL} last. */
    public List<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        steps.forEach(step -> regions.add(step.key().region()));
        if (regions.remove(StepKey.GLOBAL)) {
            regions.add(StepKey.GLOBAL);
        }
        return List.copyOf(regions);
    }

    /** The steps of one region, in topological order. */
    public List<Step> stepsIn(String region) {
        return topologicalOrder.stream().filter(step -> step.key().region().equals(region)).toList();
    }

    /** Steps with no dependency: they can start at once. */
    public List<Step> roots() {
        return steps.stream().filter(step -> dependencies.get(step.key()).isEmpty()).toList();
    }

    /** Direct dependencies, without duplicates, in the order the step declared them. */
    public List<StepKey> dependencies(StepKey key) {
        step(key);
        return dependencies.get(key);
    }

    /** Steps that name {@code key} as a direct dependency, in the order they were added. */
    public List<StepKey> dependents(StepKey key) {
        step(key);
        return dependents.get(key);
    }

    /** Everything that cannot run unless {@code key} finishes, in topological order. */
    public Set<StepKey> transitiveDependents(StepKey key) {
        return reachable(key, dependents);
    }

    /** Everything {@code key} waits for, directly or not, in topological order. */
    public Set<StepKey> transitiveDependencies(StepKey key) {
        return reachable(key, dependencies);
    }

    /** Every step after all of its dependencies; among steps ready at the same point, the one added first. */
    public List<Step> topologicalOrder() {
        return topologicalOrder;
    }

    private Set<StepKey> reachable(StepKey from, Map<StepKey, List<StepKey>> edges) {
        step(from);
        Set<StepKey> seen = new HashSet<>();
        Deque<StepKey> queue = new ArrayDeque<>(edges.get(from));
        while (!queue.isEmpty()) {
            StepKey next = queue.pop();
            if (seen.add(next)) {
                queue.addAll(edges.get(next));
            }
        }
        Set<StepKey> ordered = new LinkedHashSet<>();
        topologicalOrder.stream().map(Step::key).filter(seen::contains).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

    private static Map<StepKey, Step> indexByKey(List<Step> steps) {
        Map<StepKey, Step> byKey = new LinkedHashMap<>();
        Set<StepKey> duplicates = new LinkedHashSet<>();
        for (Step step : steps) {
            Objects.requireNonNull(step, "step");
            StepKey key = Objects.requireNonNull(step.key(), "step key");
            if (byKey.putIfAbsent(key, step) != null) {
                duplicates.add(key);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("duplicate step " + join(duplicates, ", "));
        }
        return Collections.unmodifiableMap(byKey);
    }

    private static Map<StepKey, List<StepKey>> dependenciesOf(List<Step> steps, Map<StepKey, Step> byKey) {
        Map<StepKey, List<StepKey>> dependencies = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Step step : steps) {
            List<StepKey> declared = Objects.requireNonNull(step.dependsOn(), () -> step.key() + " dependsOn");
            for (StepKey dependency : declared) {
                if (!byKey.containsKey(dependency)) {
                    unknown.add("step " + step.key() + " depends on unknown step " + dependency);
                }
            }
            dependencies.put(step.key(), List.copyOf(new LinkedHashSet<>(declared)));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown));
        }
        return dependencies;
    }

    private static Map<StepKey, List<StepKey>> dependentsOf(List<Step> steps, Map<StepKey, List<StepKey>> dependencies) {
        Map<StepKey, List<StepKey>> dependents = new HashMap<>();
        steps.forEach(step -> dependents.put(step.key(), new ArrayList<>()));
        steps.forEach(step -> dependencies.get(step.key()).forEach(dep -> dependents.get(dep).add(step.key())));
        dependents.replaceAll((key, list) -> List.copyOf(list));
        return dependents;
    }

    private List<Step> sortTopologically() {
        Map<StepKey, Integer> index = new HashMap<>();
        Map<StepKey, Integer> unmet = new HashMap<>();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < steps.size(); i++) {
            StepKey key = steps.get(i).key();
            index.put(key, i);
            unmet.put(key, dependencies.get(key).size());
            if (dependencies.get(key).isEmpty()) {
                ready.add(i);
            }
        }
        List<Step> order = new ArrayList<>(steps.size());
        while (!ready.isEmpty()) {
            Step next = steps.get(ready.poll());
            order.add(next);
            for (StepKey dependent : dependents.get(next.key())) {
                if (unmet.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(index.get(dependent));
                }
            }
        }
        if (order.size() < steps.size()) {
            throw new IllegalArgumentException("dependency cycle: " + join(findCycle(unmet), " → "));
        }
        return List.copyOf(order);
    }

    /** Walks dependencies from a step left unsorted until a step repeats; every unsorted step lies on or after a cycle. */
    private List<StepKey> findCycle(Map<StepKey, Integer> unmet) {
        StepKey start = steps.stream().map(Step::key).filter(key -> unmet.get(key) > 0).findFirst().orElseThrow();
        List<StepKey> path = new ArrayList<>();
        StepKey current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = dependencies.get(current).stream().filter(dep -> unmet.get(dep) > 0).findFirst().orElseThrow();
        }
        List<StepKey> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        Collections.reverse(cycle);
        // Start at the step added first, so the message does not depend on where the walk began.
        List<StepKey> added = steps.stream().map(Step::key).toList();
        Collections.rotate(cycle, -cycle.indexOf(cycle.stream().min(
                Comparator.comparingInt(added::indexOf)).orElseThrow()));
        cycle.add(cycle.get(0));
        return cycle;
    }

    private static String join(Collection<StepKey> keys, String separator) {
        return keys.stream().map(StepKey::toString).collect(Collectors.joining(separator));
    }

    @Override
    public String toString() {
        return "Plan" + steps.stream().map(step -> step.key().toString()).toList();
    }

    /** Collects steps, e.g. one provisioner after another, then validates them all at once. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        public Builder add(Step step) {
            steps.add(step);
            return this;
        }

        public Builder addAll(Collection<? extends Step> more) {
            steps.addAll(more);
            return this;
        }

        public Plan build() {
            return Plan.of(steps);
        }
    }
}
