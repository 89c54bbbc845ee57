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
public final class PromotionStepAction implements RunbookAction {
    private final Function<ActionContext, PromotionTarget> target;
    private final BiFunction<PromotionTarget, ActionContext, RunbookAction> factory;
    private RunbookAction work;

    PromotionStepAction(Function<PromotionTarget, RunbookAction> factory) {
        this((target, context) -> factory.apply(target));
    }

    PromotionStepAction(BiFunction<PromotionTarget, ActionContext, RunbookAction> factory) {
        this(PromoteScope::target, factory);
    }

    private PromotionStepAction(Function<ActionContext, PromotionTarget> target,
                                BiFunction<PromotionTarget, ActionContext, RunbookAction> factory) {
        this.target = target;
        this.factory = factory;
    }

    /** A promotion step on the region {@code target} names (failback promotes in the primary region). */
    public static PromotionStepAction in(Function<ActionContext, PromotionTarget> target,
                                         Function<PromotionTarget, RunbookAction> factory) {
        return new PromotionStepAction(target, (promotion, context) -> factory.apply(promotion));
    }

    @Override
    public StepResult execute(ActionContext context) {
        if (work == null) {
            work = factory.apply(target.apply(context), context);
        }
        return work.execute(context);
    }
}
