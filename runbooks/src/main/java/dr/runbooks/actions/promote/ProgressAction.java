package dr.runbooks.actions.promote;

import dr.regions.promotion.Progress;
import dr.regions.promotion.PromotionTarget;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.ActionResult;
import dr.runbooks.step.RunbookAction;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A promotion step: makes its task on the first call (it keeps what it submitted between polls), asks it where it
 * stands, and reports done or still waiting; the engine polls it on the clock until done or the step's timeout.
 */
final class ProgressAction implements RunbookAction {
    /** One promotion task, looked at again on every poll. */
    @FunctionalInterface
    interface Task {
        Progress next(ActionContext context);
    }

    private final BiFunction<PromotionTarget, ActionContext, Task> factory;
    private Task task;

    ProgressAction(Function<PromotionTarget, Task> factory) {
        this((target, context) -> factory.apply(target));
    }

    ProgressAction(BiFunction<PromotionTarget, ActionContext, Task> factory) {
        this.factory = factory;
    }

    @Override
    public ActionResult execute(ActionContext context) {
        if (task == null) {
            task = factory.apply(PromoteScope.target(context), context);
        }
        Progress progress = task.next(context);
        return progress.done() ? ActionResult.done(progress.status(), progress.outputs())
                : ActionResult.waiting(progress.status(), progress.pollAfter());
    }
}
