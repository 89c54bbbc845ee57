package dr.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outcome of running a plan: one {@link StepOutcome} per step in plan order, and the clock time the run took
 * (modeled on a virtual clock, real on the system clock).
 */
public record ExecutionResult(List<StepOutcome> outcomes, Instant startedAt, Instant finishedAt) {

    public ExecutionResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Several runs as one: their outcomes in order, from the first start to the last finish ({@code now} if none). */
    public static ExecutionResult merge(List<ExecutionResult> results, Instant now) {
        List<StepOutcome> outcomes = results.stream().flatMap(result -> result.outcomes().stream()).toList();
        Instant start = results.stream().map(ExecutionResult::startedAt).min(Comparator.naturalOrder()).orElse(now);
        Instant end = results.stream().map(ExecutionResult::finishedAt).max(Comparator.naturalOrder()).orElse(start);
        return new ExecutionResult(outcomes, start, end);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** True when every step is done: nothing failed and so nothing was skipped for a failure. */
    public boolean succeeded() {
        return outcomes.stream().allMatch(StepOutcome::succeeded);
    }

    public Optional<StepOutcome> find(StepKey key) {
        return outcomes.stream().filter(outcome -> outcome.key().equals(key)).findFirst();
    }

    public StepOutcome outcome(StepKey key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no step " + key + " in this run"));
    }

    public List<StepOutcome> failed() {
        return select(outcome -> outcome.status() == StepOutcome.Status.FAILED);
    }

    /** Steps not run because something they depend on failed. */
    public List<StepOutcome> skipped() {
        return select(outcome -> outcome.status() == StepOutcome.Status.SKIPPED);
    }

    public List<StepOutcome> inRegion(String region) {
        return select(outcome -> outcome.key().region().equals(region));
    }

    /** Done steps by the action they took, plus skipped steps as {@link Action#SKIP}; failed steps are not counted. */
    public Map<Action, Integer> countsByAction() {
        return count(outcomes);
    }

    public Map<Action, Integer> countsByAction(String region) {
        return count(inRegion(region));
    }

    private static Map<Action, Integer> count(List<StepOutcome> outcomes) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        outcomes.stream().filter(outcome -> outcome.status() != StepOutcome.Status.FAILED)
                .forEach(outcome -> counts.merge(outcome.action(), 1, Integer::sum));
        return counts;
    }

    private List<StepOutcome> select(Predicate<StepOutcome> filter) {
        return outcomes.stream().filter(filter).toList();
    }
}
