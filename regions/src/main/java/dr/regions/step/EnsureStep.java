package dr.regions.step;

import dr.core.engine.Action;
import dr.core.engine.DeclaredStep;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of every provisioning step: find the resource by its tags (or another stable key); create it
 * only when missing; bring its managed details into spec ({@link #converge}); then report "still waiting"
 * until AWS says it is usable. Finding first is what makes a re-run after a crash finish the job with no
 * duplicates; converging on every run is what repairs drift (reported as {@link Action#UPDATE}).
 */
public abstract class EnsureStep extends DeclaredStep {
    /** What one run of this step has learnt so far: kept per run (see {@link StepContext#perRun}), not in fields. */
    private static final class Run {
        String resourceId;
        Action action;
        boolean looked;
        boolean createdByThisRun;
    }

    protected EnsureStep(StepKey key, List<StepKey> dependsOn, String resourceType, Duration estimate) {
        super(key, dependsOn, resourceType, estimate);
    }

    @Override
    public final StepResult execute(StepContext context) {
        Run run = run(context);
        if (run.action == null) {
            Optional<String> existing;
            try {
                existing = find(context);
            } finally {
                run.looked = true;
            }
            if (existing.isPresent()) {
                run.resourceId = existing.get();
                run.action = converge(context, run.resourceId) ? Action.UPDATE : Action.KEEP;
            } else {
                run.resourceId = create(context);
                context.created(run.resourceId);
                converge(context, run.resourceId);
                run.action = Action.CREATE;
            }
        }
        ResourceState state = readiness(context, run.resourceId);
        return switch (state.state()) {
            case READY -> StepResult.done(run.action, run.resourceId, outputs(context, run.resourceId));
            case WAITING -> StepResult.waiting(state.status());
            case BROKEN -> StepResult.failed(resourceType() + " " + run.resourceId + " is " + state.status());
        };
    }

    private Run run(StepContext context) {
        return context.perRun(this, Run.class, Run::new);
    }

    /**
     * True during this step's first {@link #find} of the run, which may then read a {@link FirstLook} shared with the other steps
     * of its type. A later find (the retry of a failed create or converge) must describe afresh: the step may have
     * changed its resource since.
     */
    protected final boolean firstLook(StepContext context) {
        return !run(context).looked;
    }

    /**
     * For a {@link #create} that made the resource itself (not one that found it after all): then {@link #converge},
     * asking {@link #createdByThisRun}, can skip what the create just set. Kept per run like the rest.
     */
    protected final void markCreatedByThisRun(StepContext context) {
        run(context).createdByThisRun = true;
    }

    protected final boolean createdByThisRun(StepContext context) {
        return run(context).createdByThisRun;
    }

    /** The existing resource's id, found by tags (or a stable name); empty when it does not exist. */
    protected abstract Optional<String> find(StepContext context);

    /** Creates the resource, tagged, and returns its id. Called only when {@link #find} found nothing. */
    protected abstract String create(StepContext context);

    /** Brings managed details (attributes, rules, routes, attachments) into spec; true when it changed any. */
    protected boolean converge(StepContext context, String id) {
        return false;
    }

    /** Whether the resource can be used yet, from the state AWS reports for it. */
    protected ResourceState readiness(StepContext context, String id) {
        return ResourceState.ready();
    }

    /** What later steps read. Always includes {@code id}. */
    protected Map<String, String> outputs(StepContext context, String id) {
        return Map.of("id", id);
    }
}
