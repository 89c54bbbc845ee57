package dr.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan's estimate: how long it would take if every step started the moment its dependencies finished
 * (unlimited parallelism), and the chain of steps that bounds that total. Computed from {@link Step#estimate()}.
 */
public record CriticalPath(Duration total, List<StepKey> chain) {

    public CriticalPath {
        chain = List.copyOf(chain);
    }

    public static CriticalPath of(Plan plan) {
        Map<StepKey, Duration> finish = new HashMap<>();
        Map<StepKey, StepKey> boundBy = new HashMap<>();
        StepKey last = null;
        for (Step step : plan.topologicalOrder()) {
            Duration start = Duration.ZERO;
            for (StepKey dependency : plan.dependencies(step.key())) {
                // Strictly later only: on a tie the dependency declared first bounds the step.
                if (finish.get(dependency).compareTo(start) > 0 || !boundBy.containsKey(step.key())) {
                    start = finish.get(dependency);
                    boundBy.put(step.key(), dependency);
                }
            }
            Duration end = start.plus(step.estimate());
            finish.put(step.key(), end);
            // Strictly later only: a zero-length step after the bounding one does not extend the chain.
            if (last == null || end.compareTo(finish.get(last)) > 0) {
                last = step.key();
            }
        }
        if (last == null) {
            return new CriticalPath(Duration.ZERO, List.of());
        }
        List<StepKey> chain = new ArrayList<>();
        for (StepKey at = last; at != null; at = boundBy.get(at)) {
            chain.add(at);
        }
        Collections.reverse(chain);
        return new CriticalPath(finish.get(last), chain);
    }

    /** E.g. {@code us-east-1/vpc → us-east-1/db-subnet-group → us-east-1/db-primary → us-west-2/db-replica}. */
    public String describe() {
        return chain.stream().map(StepKey::toString).collect(Collectors.joining(" → "));
    }
}
