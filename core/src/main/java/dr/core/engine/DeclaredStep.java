package dr.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * A step whose key, dependencies, resource type and modeled duration are fixed when it is built: a subclass says
 * only what it does.
 */
public abstract class DeclaredStep implements Step {
    private final StepKey key;
    private final List<StepKey> dependsOn;
    private final String resourceType;
    private final Duration estimate;

    protected DeclaredStep(StepKey key, List<StepKey> dependsOn, String resourceType, Duration estimate) {
        this.key = key;
        this.dependsOn = List.copyOf(dependsOn);
        this.resourceType = resourceType;
        this.estimate = estimate;
    }

    @Override
    public final StepKey key() {
        return key;
    }

    @Override
    public final List<StepKey> dependsOn() {
        return dependsOn;
    }

    @Override
    public final String resourceType() {
        return resourceType;
    }

    @Override
    public final Duration estimate() {
        return estimate;
    }
}
