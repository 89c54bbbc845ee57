package dr.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A configurable step for engine tests: reports {@code creating} until {@code takes} has passed on the clock since
 * its first execute, then is done; can throw queued errors first, fail, or run custom logic.
 */
final class FakeStep implements Step {
    private final StepKey key;
    private final List<StepKey> dependsOn = new ArrayList<>();
    private final Deque<Throwable> errors = new ArrayDeque<>();
    private final List<Instant> executions = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private Duration takes = Duration.ZERO;
    private Duration estimate;
    private Duration timeout = Duration.ofMinutes(60);
    private Duration pollAfter = Duration.ZERO;
    private Action action = Action.CREATE;
    private Action planned = Action.ENSURE;
    private String failure;
    private Function<StepContext, StepResult> logic;
    private Instant readyAt;
    private String reportsCreate;

    private FakeStep(StepKey key) {
        this.key = key;
    }

    static FakeStep step(String region, String role) {
        return new FakeStep(StepKey.of(region, role));
    }

    FakeStep after(Step... dependencies) {
        Arrays.stream(dependencies).forEach(dep -> dependsOn.add(dep.key()));
        return this;
    }

    FakeStep after(StepKey... dependencies) {
        dependsOn.addAll(List.of(dependencies));
        return this;
    }

    /** Modeled and actual duration. */
    FakeStep takes(Duration duration) {
        this.takes = duration;
        return this;
    }

    /** Modeled duration only, when it should differ from {@link #takes}. */
    FakeStep estimate(Duration duration) {
        this.estimate = duration;
        return this;
    }

    FakeStep timeout(Duration duration) {
        this.timeout = duration;
        return this;
    }

    FakeStep pollAfter(Duration duration) {
        this.pollAfter = duration;
        return this;
    }

    FakeStep resultAction(Action done) {
        this.action = done;
        return this;
    }

    FakeStep plannedAction(Action plan) {
        this.planned = plan;
        return this;
    }

    FakeStep output(String name, String value) {
        outputs.put(name, value);
        return this;
    }

    FakeStep throwsFirst(Throwable... thrown) {
        errors.addAll(List.of(thrown));
        return this;
    }

    /** On its first execute, before anything else, tells the engine it created {@code id}. */
    FakeStep reportsCreate(String id) {
        this.reportsCreate = id;
        return this;
    }

    FakeStep failsWith(String message) {
        this.failure = message;
        return this;
    }

    FakeStep runs(Function<StepContext, StepResult> custom) {
        this.logic = custom;
        return this;
    }

    List<Instant> executions() {
        return executions;
    }

    @Override
    public StepKey key() {
        return key;
    }

    @Override
    public List<StepKey> dependsOn() {
        return dependsOn;
    }

    @Override
    public String resourceType() {
        return "Test::" + key.role();
    }

    @Override
    public Duration estimate() {
        return estimate == null ? takes : estimate;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Action plannedAction() {
        return planned;
    }

    @Override
    public StepResult execute(StepContext context) {
        Instant now = context.clock().now();
        executions.add(now);
        if (reportsCreate != null && executions.size() == 1) {
            context.created(reportsCreate);
        }
        if (!errors.isEmpty()) {
            Throwable error = errors.pop();
            if (error instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) error;
        }
        if (logic != null) {
            return logic.apply(context);
        }
        if (failure != null) {
            return StepResult.failed(failure);
        }
        if (readyAt == null) {
            readyAt = now.plus(takes);
        }
        if (now.isBefore(readyAt)) {
            return new StepResult.Waiting("creating", pollAfter);
        }
        Map<String, String> all = new LinkedHashMap<>(outputs);
        all.put("id", "id-" + key.role());
        return StepResult.done(action, "id-" + key.role(), all);
    }
}
