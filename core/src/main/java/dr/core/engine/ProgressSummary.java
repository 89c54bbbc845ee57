package dr.core.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-line tally both progress renderers end with, e.g. {@code create 30, unchanged 10; 1 failed, 3 skipped}. */
final class ProgressSummary {
    private ProgressSummary() {
    }

    static String of(ExecutionResult result) {
        Map<Action, Integer> done = new EnumMap<>(Action.class);
        result.outcomes().stream().filter(StepOutcome::succeeded)
                .forEach(outcome -> done.merge(outcome.action(), 1, Integer::sum));
        String tally = done.isEmpty() ? "nothing done" : done.entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue()).collect(Collectors.joining(", "));
        if (!result.failed().isEmpty()) {
            tally += "; " + result.failed().size() + " failed, " + result.skipped().size() + " skipped";
        }
        return tally;
    }
}
