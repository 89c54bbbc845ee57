package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;

import java.time.Duration;
import java.util.Set;

/**
 * A resource AWS deletes with one call that takes effect at once (a subnet, a security group, a listener...).
 * Retried while AWS answers one of the {@code waitsOn} codes; "not found" means an earlier run got there first.
 */
final class SingleCallDeletion extends DeletionStep {
    private final Runnable delete;
    private final Set<String> waitsOn;

    SingleCallDeletion(DeletionTarget target, Runnable delete, Set<String> waitsOn) {
        this(target, Duration.ZERO, delete, waitsOn);
    }

    SingleCallDeletion(DeletionTarget target, Duration estimate, Runnable delete, Set<String> waitsOn) {
        super(target, estimate);
        this.delete = delete;
        this.waitsOn = Set.copyOf(waitsOn);
    }

    @Override
    protected StepResult advance(StepContext context) {
        delete.run();
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return waitsOn;
    }
}
