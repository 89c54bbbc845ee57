package dr.regions.cleanup;

import dr.core.engine.Action;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.regions.discovery.StackResource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of every cleanup step: each call looks at AWS afresh and makes the next move ({@link #advance}), so a
 * step started by a crashed run, or a resource deleted by hand meanwhile, needs nothing special. A resource that is
 * gone (any "not found" answer) is a success: that is what makes cleanup resumable. The AWS error codes of
 * {@link #waitsOn} mean "something still holds it" (a dependent that is itself still going away): the step keeps
 * waiting for them until its timeout rather than failing at once.
 */
abstract class DeletionStep implements Step {
    private final DeletionTarget target;
    private final Duration estimate;

    DeletionStep(DeletionTarget target, Duration estimate) {
        this.target = target;
        this.estimate = estimate;
    }

    protected DeletionTarget target() {
        return target;
    }

    protected StackResource resource() {
        return target.resource();
    }

    @Override
    public final StepKey key() {
        return target.key();
    }

    @Override
    public final List<StepKey> dependsOn() {
        return target.dependsOn();
    }

    @Override
    public final String resourceType() {
        return target.resource().kind().awsType();
    }

    @Override
    public final Duration estimate() {
        return estimate;
    }

    @Override
    public final Action plannedAction() {
        return Action.DELETE;
    }

    @Override
    public final StepResult execute(StepContext context) {
        try {
            return advance(context);
        } catch (AwsServiceException error) {
            if (AwsErrors.isGone(error)) {
                return gone(goneOutputs());
            } else if (waitsOn().contains(AwsErrors.code(error))) {
                return StepResult.waiting("held: " + AwsErrors.code(error) + ": " + AwsErrors.message(error));
            } else {
                throw error;
            }
        }
    }

    /**
     * One look at the resource and the next call: {@link #gone} once AWS no longer has it, else
     * {@link StepResult#waiting} with what it is still doing.
     */
    protected abstract StepResult advance(StepContext context);

    /** Done: AWS no longer has the resource. */
    protected final StepResult gone() {
        return gone(Map.of());
    }

    /** Done, with {@code outputs} for the report besides the resource's {@code id}. */
    protected final StepResult gone(Map<String, String> outputs) {
        Map<String, String> all = new LinkedHashMap<>(outputs);
        all.put("id", target.id());
        return StepResult.done(Action.DELETE, target.id(), all);
    }

    /** What the report says besides the id once AWS no longer has the resource (e.g. a warning). */
    protected Map<String, String> goneOutputs() {
        return Map.of();
    }

    /** Error codes that mean "still held by something on its way out": keep waiting. */
    protected Set<String> waitsOn() {
        return Set.of();
    }
}
