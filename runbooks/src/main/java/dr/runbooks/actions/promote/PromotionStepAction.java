package dr.runbooks.actions.promote;

import dr.core.engine.StepResult;
import dr.regions.promotion.PromotionTarget;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A promotion step: makes its work from the run's promotion target on the first call (the work keeps what it
 * submitted between polls, and a fresh action is made for every run), then passes on each call's {@link StepResult};
 * the engine polls it on the clock until done or the step's timeout.
 */
final class PromotionStepAction implements RunbookAction {
    private final BiFunction<PromotionTarget, ActionContext, RunbookAction> factory;
    private RunbookAction work;

    PromotionStepAction(Function<PromotionTarget, RunbookAction> factory) {
        this((target, context) -> factory.apply(target));
    }

    PromotionStepAction(BiFunction<PromotionTarget, ActionContext, RunbookAction> factory) {
        this.factory = factory;
    }

    @Override
    public StepResult execute(ActionContext context) {
        if (work == null) {
            work = factory.apply(PromoteScope.target(context), context);
        }
        return work.execute(context);
    }
}
